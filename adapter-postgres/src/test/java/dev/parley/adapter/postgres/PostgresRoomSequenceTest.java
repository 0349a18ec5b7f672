package dev.parley.adapter.postgres;

import dev.parley.application.port.out.MessageStorePort;
import dev.parley.application.port.out.RoomSequencePort;
import dev.parley.testkit.contract.RoomSequencePortContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RoomSequencePortContract} against PostgreSQL. */
class PostgresRoomSequenceTest extends RoomSequencePortContract {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  @Override
  protected RoomSequencePort sequences() {
    return new PostgresMessageHistoryAdapter(DB.dataSource());
  }

  @Override
  protected MessageStorePort messages() {
    return new PostgresMessageStoreAdapter(DB.dataSource());
  }
}

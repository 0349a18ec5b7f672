package dev.parley.adapter.postgres;

import dev.parley.application.port.out.RoomStorePort;
import dev.parley.testkit.contract.RoomStorePortContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RoomStorePortContract} against PostgreSQL. */
class PostgresRoomStoreTest extends RoomStorePortContract {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  @Override
  protected RoomStorePort rooms() {
    return new PostgresRoomStoreAdapter(DB.dataSource());
  }
}

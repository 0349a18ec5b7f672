package dev.parley.adapter.postgres;

import dev.parley.application.port.out.MessageStorePort;
import dev.parley.application.port.out.ThreadListPort;
import dev.parley.testkit.contract.ThreadListPortContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ThreadListPortContract} against PostgreSQL. */
class PostgresThreadListTest extends ThreadListPortContract {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  @Override
  protected ThreadListPort threads() {
    return new PostgresRoomListingsAdapter(DB.dataSource());
  }

  @Override
  protected MessageStorePort messages() {
    return new PostgresMessageStoreAdapter(DB.dataSource());
  }
}

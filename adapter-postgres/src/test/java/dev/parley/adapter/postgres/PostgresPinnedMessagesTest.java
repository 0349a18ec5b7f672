package dev.parley.adapter.postgres;

import dev.parley.application.port.out.MessageStorePort;
import dev.parley.application.port.out.PinnedMessagesPort;
import dev.parley.testkit.contract.PinnedMessagesPortContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link PinnedMessagesPortContract} against PostgreSQL. */
class PostgresPinnedMessagesTest extends PinnedMessagesPortContract {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  @Override
  protected PinnedMessagesPort pins() {
    return new PostgresRoomListingsAdapter(DB.dataSource());
  }

  @Override
  protected MessageStorePort messages() {
    return new PostgresMessageStoreAdapter(DB.dataSource());
  }
}

package dev.parley.adapter.postgres;

import dev.parley.application.port.out.MessageHistoryPort;
import dev.parley.application.port.out.MessageStorePort;
import dev.parley.testkit.contract.MessageHistoryPortContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link MessageHistoryPortContract} against PostgreSQL. */
class PostgresMessageHistoryTest extends MessageHistoryPortContract {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  @Override
  protected MessageHistoryPort history() {
    return new PostgresMessageHistoryAdapter(DB.dataSource());
  }

  @Override
  protected MessageStorePort messages() {
    return new PostgresMessageStoreAdapter(DB.dataSource());
  }
}

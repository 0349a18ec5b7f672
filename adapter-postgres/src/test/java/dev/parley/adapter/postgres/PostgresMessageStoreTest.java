package dev.parley.adapter.postgres;

import dev.parley.application.port.out.MessageStorePort;
import dev.parley.testkit.contract.MessageStorePortContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link MessageStorePortContract} against PostgreSQL. */
class PostgresMessageStoreTest extends MessageStorePortContract {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  @Override
  protected MessageStorePort messages() {
    return new PostgresMessageStoreAdapter(DB.dataSource());
  }
}

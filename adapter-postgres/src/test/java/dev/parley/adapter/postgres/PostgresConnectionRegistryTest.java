package dev.parley.adapter.postgres;

import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.testkit.contract.ConnectionRegistryPortContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ConnectionRegistryPortContract} against PostgreSQL. */
class PostgresConnectionRegistryTest extends ConnectionRegistryPortContract {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  @Override
  protected ConnectionRegistryPort connections() {
    return new PostgresConnectionAdapter(DB.dataSource());
  }
}

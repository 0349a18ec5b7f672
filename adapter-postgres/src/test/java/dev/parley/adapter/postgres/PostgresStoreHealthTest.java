package dev.parley.adapter.postgres;

import dev.parley.application.port.out.StoreHealthPort;
import dev.parley.testkit.contract.StoreHealthPortContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link StoreHealthPortContract} against PostgreSQL. */
class PostgresStoreHealthTest extends StoreHealthPortContract {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  @Override
  protected StoreHealthPort health() {
    return new PostgresStoreHealthAdapter(DB.dataSource());
  }
}

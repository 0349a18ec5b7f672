package dev.parley.adapter.postgres;

import dev.parley.application.port.out.BanStorePort;
import dev.parley.testkit.contract.BanStorePortContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link BanStorePortContract} against PostgreSQL. */
class PostgresBanStoreTest extends BanStorePortContract {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  @Override
  protected BanStorePort bans() {
    return new PostgresBanStoreAdapter(DB.dataSource());
  }
}

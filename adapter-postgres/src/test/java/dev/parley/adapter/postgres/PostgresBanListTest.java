package dev.parley.adapter.postgres;

import dev.parley.application.port.out.BanListPort;
import dev.parley.application.port.out.BanStorePort;
import dev.parley.testkit.contract.BanListPortContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link BanListPortContract} against PostgreSQL. */
class PostgresBanListTest extends BanListPortContract {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  @Override
  protected BanListPort list() {
    return new PostgresBanStoreAdapter(DB.dataSource());
  }

  @Override
  protected BanStorePort bans() {
    return new PostgresBanStoreAdapter(DB.dataSource());
  }
}

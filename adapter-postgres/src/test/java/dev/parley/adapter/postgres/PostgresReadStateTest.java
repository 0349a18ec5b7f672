package dev.parley.adapter.postgres;

import dev.parley.application.port.out.ReadStatePort;
import dev.parley.testkit.contract.ReadStatePortContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ReadStatePortContract} against PostgreSQL. */
class PostgresReadStateTest extends ReadStatePortContract {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  @Override
  protected ReadStatePort readState() {
    return new PostgresReadStateAdapter(DB.dataSource());
  }
}

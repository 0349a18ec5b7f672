package dev.parley.adapter.postgres;

import dev.parley.application.port.out.TypingPort;
import dev.parley.testkit.contract.TypingPortContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link TypingPortContract} against PostgreSQL. */
class PostgresTypingTest extends TypingPortContract {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  @Override
  protected TypingPort typing() {
    return new PostgresTypingAdapter(DB.dataSource());
  }
}

package dev.parley.adapter.postgres;

import dev.parley.application.port.out.ReactionStorePort;
import dev.parley.testkit.contract.ReactionStorePortContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ReactionStorePortContract} against PostgreSQL. */
class PostgresReactionStoreTest extends ReactionStorePortContract {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  @Override
  protected ReactionStorePort reactions() {
    return new PostgresReactionStoreAdapter(DB.dataSource());
  }
}

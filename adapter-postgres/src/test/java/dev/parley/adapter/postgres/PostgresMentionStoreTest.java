package dev.parley.adapter.postgres;

import dev.parley.application.port.out.MentionStorePort;
import dev.parley.testkit.contract.MentionStorePortContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link MentionStorePortContract} against PostgreSQL. */
class PostgresMentionStoreTest extends MentionStorePortContract {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  @Override
  protected MentionStorePort mentions() {
    return new PostgresMentionStoreAdapter(DB.dataSource());
  }
}

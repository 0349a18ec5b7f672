package dev.parley.adapter.postgres;

import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.testkit.contract.MembershipStorePortContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link MembershipStorePortContract} against PostgreSQL. */
class PostgresMembershipStoreTest extends MembershipStorePortContract {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  @Override
  protected MembershipStorePort memberships() {
    return new PostgresMembershipAdapter(DB.dataSource());
  }
}

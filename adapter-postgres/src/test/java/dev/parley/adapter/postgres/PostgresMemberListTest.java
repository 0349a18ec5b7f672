package dev.parley.adapter.postgres;

import dev.parley.application.port.out.MemberListPort;
import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.testkit.contract.MemberListPortContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link MemberListPortContract} against PostgreSQL. */
class PostgresMemberListTest extends MemberListPortContract {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  @Override
  protected MemberListPort memberList() {
    return new PostgresMembershipAdapter(DB.dataSource());
  }

  @Override
  protected MembershipStorePort memberships() {
    return new PostgresMembershipAdapter(DB.dataSource());
  }
}

package dev.parley.adapter.postgres;

import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.application.port.out.MuteListPort;
import dev.parley.testkit.contract.MuteListPortContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link MuteListPortContract} against PostgreSQL. */
class PostgresMuteListTest extends MuteListPortContract {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  @Override
  protected MuteListPort mutes() {
    return new PostgresMuteListAdapter(DB.dataSource());
  }

  @Override
  protected MembershipStorePort memberships() {
    return new PostgresMembershipAdapter(DB.dataSource());
  }
}

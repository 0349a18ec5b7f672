package dev.parley.adapter.postgres;

import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.application.port.out.OwnerStepDownPort;
import dev.parley.testkit.contract.OwnerStepDownPortContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link OwnerStepDownPortContract} against PostgreSQL. */
class PostgresOwnerStepDownTest extends OwnerStepDownPortContract {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  @Override
  protected MembershipStorePort memberships() {
    return new PostgresMembershipAdapter(DB.dataSource());
  }

  @Override
  protected OwnerStepDownPort stepDown() {
    return new PostgresMembershipAdapter(DB.dataSource());
  }
}

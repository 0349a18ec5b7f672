package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.application.port.out.OwnerStepDownPort;
import dev.parley.testkit.contract.OwnerStepDownPortContract;

class InMemoryOwnerStepDownTest extends OwnerStepDownPortContract {
  private final InMemoryMembershipAdapter adapter = new InMemoryMembershipAdapter();

  @Override
  protected MembershipStorePort memberships() {
    return adapter;
  }

  @Override
  protected OwnerStepDownPort stepDown() {
    return adapter;
  }
}

package dev.parley.testkit.adapter;

import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.testkit.contract.MembershipStorePortContract;

class InMemoryMembershipAdapterTest extends MembershipStorePortContract {
  private final InMemoryMembershipAdapter adapter = new InMemoryMembershipAdapter();

  @Override
  protected MembershipStorePort memberships() {
    return adapter;
  }
}

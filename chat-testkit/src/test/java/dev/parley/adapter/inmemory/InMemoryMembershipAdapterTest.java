package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.testkit.contract.MembershipStorePortContract;

class InMemoryMembershipAdapterTest extends MembershipStorePortContract {
  private final InMemoryMembershipAdapter adapter = new InMemoryMembershipAdapter();

  @Override
  protected MembershipStorePort memberships() {
    return adapter;
  }
}

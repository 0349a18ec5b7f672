package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.MemberListPort;
import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.testkit.contract.MemberListPortContract;

class InMemoryMembershipAdapterMemberListTest extends MemberListPortContract {
  private final InMemoryMembershipAdapter adapter = new InMemoryMembershipAdapter();

  @Override
  protected MemberListPort memberList() {
    return adapter;
  }

  @Override
  protected MembershipStorePort memberships() {
    return adapter;
  }
}

package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.application.port.out.MuteListPort;
import dev.parley.testkit.contract.MuteListPortContract;

class InMemoryMuteListAdapterTest extends MuteListPortContract {
  private final InMemoryMembershipAdapter adapter = new InMemoryMembershipAdapter();

  @Override
  protected MuteListPort mutes() {
    return new InMemoryMuteListAdapter(adapter);
  }

  @Override
  protected MembershipStorePort memberships() {
    return adapter;
  }
}

package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.application.port.out.RoomSubscriptionPort;
import dev.parley.testkit.contract.RoomSubscriptionPortContract;

class InMemoryConnectionAdapterSubscriptionTest extends RoomSubscriptionPortContract {
  private final InMemoryConnectionAdapter adapter = new InMemoryConnectionAdapter();

  @Override
  protected RoomSubscriptionPort subscriptions() {
    return adapter;
  }

  @Override
  protected ConnectionRegistryPort connections() {
    return adapter;
  }
}

package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.MessageSearchPort;
import dev.parley.application.port.out.MessageStorePort;
import dev.parley.testkit.contract.MessageSearchPortContract;

/** {@link MessageSearchPortContract} in memory. */
class InMemoryMessageSearchAdapterTest extends MessageSearchPortContract {
  private final InMemoryMessageStoreAdapter store = new InMemoryMessageStoreAdapter();

  @Override
  protected MessageSearchPort search() {
    return new InMemoryMessageSearchAdapter(store);
  }

  @Override
  protected MessageStorePort messages() {
    return store;
  }
}

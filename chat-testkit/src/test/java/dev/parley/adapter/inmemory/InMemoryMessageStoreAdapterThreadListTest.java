package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.MessageStorePort;
import dev.parley.application.port.out.ThreadListPort;
import dev.parley.testkit.contract.ThreadListPortContract;

class InMemoryMessageStoreAdapterThreadListTest extends ThreadListPortContract {
  private final InMemoryMessageStoreAdapter adapter = new InMemoryMessageStoreAdapter();

  @Override
  protected ThreadListPort threads() {
    return adapter;
  }

  @Override
  protected MessageStorePort messages() {
    return adapter;
  }
}

package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.MessageHistoryPort;
import dev.parley.application.port.out.MessageStorePort;
import dev.parley.testkit.contract.MessageHistoryPortContract;

class InMemoryMessageStoreAdapterHistoryTest extends MessageHistoryPortContract {
  private final InMemoryMessageStoreAdapter adapter = new InMemoryMessageStoreAdapter();

  @Override
  protected MessageHistoryPort history() {
    return adapter;
  }

  @Override
  protected MessageStorePort messages() {
    return adapter;
  }
}

package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.MessageStorePort;
import dev.parley.application.port.out.PinnedMessagesPort;
import dev.parley.testkit.contract.PinnedMessagesPortContract;

class InMemoryMessageStoreAdapterPinnedMessagesTest extends PinnedMessagesPortContract {
  private final InMemoryMessageStoreAdapter adapter = new InMemoryMessageStoreAdapter();

  @Override
  protected PinnedMessagesPort pins() {
    return adapter;
  }

  @Override
  protected MessageStorePort messages() {
    return adapter;
  }
}

package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.MentionStorePort;
import dev.parley.testkit.contract.MentionStorePortContract;

class InMemoryMentionStoreAdapterTest extends MentionStorePortContract {
  private final InMemoryMentionStoreAdapter adapter = new InMemoryMentionStoreAdapter();

  @Override
  protected MentionStorePort mentions() {
    return adapter;
  }
}

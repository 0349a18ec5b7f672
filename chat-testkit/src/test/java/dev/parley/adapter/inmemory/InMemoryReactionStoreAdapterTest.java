package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.ReactionStorePort;
import dev.parley.testkit.contract.ReactionStorePortContract;

class InMemoryReactionStoreAdapterTest extends ReactionStorePortContract {
  private final InMemoryReactionStoreAdapter adapter = new InMemoryReactionStoreAdapter();

  @Override
  protected ReactionStorePort reactions() {
    return adapter;
  }
}

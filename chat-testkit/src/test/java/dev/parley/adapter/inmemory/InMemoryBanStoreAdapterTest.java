package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.BanStorePort;
import dev.parley.testkit.contract.BanStorePortContract;

class InMemoryBanStoreAdapterTest extends BanStorePortContract {
  private final InMemoryBanStoreAdapter adapter = new InMemoryBanStoreAdapter();

  @Override
  protected BanStorePort bans() {
    return adapter;
  }
}

package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.BanListPort;
import dev.parley.application.port.out.BanStorePort;
import dev.parley.testkit.contract.BanListPortContract;

class InMemoryBanStoreAdapterListTest extends BanListPortContract {
  private final InMemoryBanStoreAdapter adapter = new InMemoryBanStoreAdapter();

  @Override
  protected BanListPort list() {
    return adapter;
  }

  @Override
  protected BanStorePort bans() {
    return adapter;
  }
}

package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.BlockCheckPort;
import dev.parley.application.port.out.BlockListPort;
import dev.parley.testkit.contract.BlockListPortContract;

class InMemoryBlockListAdapterTest extends BlockListPortContract {
  private final InMemoryBlockListAdapter adapter = new InMemoryBlockListAdapter();

  @Override
  protected BlockListPort blockList() {
    return adapter;
  }

  @Override
  protected BlockCheckPort blockCheck() {
    return adapter;
  }
}

package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.ReadStatePort;
import dev.parley.testkit.contract.ReadStatePortContract;

class InMemoryReadStateAdapterTest extends ReadStatePortContract {
  private final InMemoryReadStateAdapter adapter = new InMemoryReadStateAdapter();

  @Override
  protected ReadStatePort readState() {
    return adapter;
  }
}

package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.TypingPort;
import dev.parley.testkit.contract.TypingPortContract;

class InMemoryTypingAdapterTest extends TypingPortContract {
  private final InMemoryTypingAdapter adapter = new InMemoryTypingAdapter();

  @Override
  protected TypingPort typing() {
    return adapter;
  }
}

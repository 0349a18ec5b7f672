package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.MessageStorePort;
import dev.parley.application.port.out.RoomSequencePort;
import dev.parley.testkit.contract.RoomSequencePortContract;

class InMemoryMessageStoreAdapterSequenceTest extends RoomSequencePortContract {
  private final InMemoryMessageStoreAdapter adapter = new InMemoryMessageStoreAdapter();

  @Override
  protected RoomSequencePort sequences() {
    return adapter;
  }

  @Override
  protected MessageStorePort messages() {
    return adapter;
  }
}

package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.RoomStorePort;
import dev.parley.testkit.contract.RoomStorePortContract;

class InMemoryRoomStoreAdapterTest extends RoomStorePortContract {
  private final InMemoryRoomStoreAdapter adapter = new InMemoryRoomStoreAdapter();

  @Override
  protected RoomStorePort rooms() {
    return adapter;
  }
}

package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.RoomDirectoryPort;
import dev.parley.application.port.out.RoomStorePort;
import dev.parley.testkit.contract.RoomDirectoryPortContract;

class InMemoryRoomStoreAdapterDirectoryTest extends RoomDirectoryPortContract {
  private final InMemoryRoomStoreAdapter adapter = new InMemoryRoomStoreAdapter();

  @Override
  protected RoomDirectoryPort directory() {
    return adapter;
  }

  @Override
  protected RoomStorePort rooms() {
    return adapter;
  }
}

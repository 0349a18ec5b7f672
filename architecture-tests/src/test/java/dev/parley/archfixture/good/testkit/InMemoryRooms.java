package dev.parley.archfixture.good.testkit;

import dev.parley.archfixture.good.adapter.inmemory.InMemoryRoomStoreAdapter;
import dev.parley.archfixture.good.application.port.out.RoomStorePort;

/** The testkit runs the core on the in-memory store, its one allowed adapter. */
public final class InMemoryRooms {
  private InMemoryRooms() {}

  public static RoomStorePort store() {
    return new InMemoryRoomStoreAdapter();
  }
}

package dev.parley.archfixture.good.adapter.inmemory;

import dev.parley.archfixture.good.application.port.out.RoomStorePort;
import dev.parley.archfixture.good.application.port.out.SaveResult;
import dev.parley.archfixture.good.domain.room.Room;
import java.util.HashMap;
import java.util.Map;

/** The in-memory store: an adapter that the testkit may use. */
public final class InMemoryRoomStoreAdapter implements RoomStorePort {
  private final Map<String, Room> rooms = new HashMap<>();

  @Override
  public SaveResult save(Room room) {
    Room existing = rooms.putIfAbsent(room.id(), room);
    return existing == null ? new SaveResult.Saved(room) : new SaveResult.AlreadyThere(existing);
  }
}

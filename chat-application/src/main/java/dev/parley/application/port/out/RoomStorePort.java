package dev.parley.application.port.out;

import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomId;
import java.util.Optional;

/** Stores rooms. */
public interface RoomStorePort {
  Optional<Room> find(RoomId id);

  /** Inserts or replaces the room with this id. */
  void save(Room room);

  /**
   * Stores a direct room unless its pair already has one, atomically: concurrent calls for one pair
   * store one room. Returns the pair's room, the given one or the existing one.
   */
  Room saveDirectIfAbsent(Room direct);
}

package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.RoomStorePort;
import dev.parley.domain.room.DirectKey;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.room.RoomType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rooms in memory, thread-safe. Results are never null. {@link #saveDirectIfAbsent} is atomic per
 * {@link DirectKey}: of concurrent calls for one pair exactly one room is stored.
 */
@Singleton
public final class InMemoryRoomStoreAdapter implements RoomStorePort {
  @Inject
  public InMemoryRoomStoreAdapter() {}

  private final ConcurrentHashMap<RoomId, Room> rooms = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<DirectKey, RoomId> directRooms = new ConcurrentHashMap<>();

  @Override
  public Optional<Room> find(RoomId id) {
    return Optional.ofNullable(rooms.get(id));
  }

  @Override
  public void save(Room room) {
    rooms.put(room.id(), room);
    if (room.directKey() != null) {
      // A direct room saved the plain way still claims its pair, so the pair never gets two.
      directRooms.putIfAbsent(room.directKey(), room.id());
    }
  }

  @Override
  public Room saveDirectIfAbsent(Room direct) {
    if (direct.type() != RoomType.DIRECT) {
      throw new IllegalArgumentException("not a direct room: " + direct.id());
    }
    RoomId winner =
        directRooms.computeIfAbsent(
            direct.directKey(),
            key -> {
              // Inside the per-key atomic section, so losers never see the key without its room.
              rooms.put(direct.id(), direct);
              return direct.id();
            });
    // The stored state, which may have changed since (renamed, archived).
    Room stored = rooms.get(winner);
    return stored != null ? stored : direct;
  }
}

package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.RoomDirectoryPort;
import dev.parley.application.port.out.RoomStorePort;
import dev.parley.domain.room.DirectKey;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.room.RoomType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rooms in memory, thread-safe. Results are never null. {@link #saveDirectIfAbsent} is atomic per
 * {@link DirectKey}: of concurrent calls for one pair exactly one room is stored. The directory is
 * a scan of every room, sorted: the whole store is in memory anyway.
 */
@Singleton
public final class InMemoryRoomStoreAdapter implements RoomStorePort, RoomDirectoryPort {
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

  @Override
  public List<Room> publicRooms(String keyPrefix, Position after, int limit) {
    Pages.requireLimit(limit);
    List<Room> matches = new ArrayList<>();
    for (Room room : rooms.values()) {
      if (room.type() == RoomType.PUBLIC
          && !room.archived()
          && RoomDirectoryPort.key(room.name()).startsWith(keyPrefix)
          && (after == null || compare(room, after.key(), after.roomId()) > 0)) {
        matches.add(room);
      }
    }
    matches.sort((a, b) -> compare(a, RoomDirectoryPort.key(b.name()), b.id()));
    return List.copyOf(matches.subList(0, Math.min(limit, matches.size())));
  }

  /** By (key, id), code point by code point: the UTF-8 byte order of the other stores. */
  private static int compare(Room room, String key, RoomId id) {
    int byKey = byCodePoints(RoomDirectoryPort.key(room.name()), key);
    return byKey != 0 ? byKey : byCodePoints(room.id().value(), id.value());
  }

  private static int byCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}

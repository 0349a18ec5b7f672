package dev.parley.application.port.out;

import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomId;
import java.util.List;
import java.util.Locale;

/**
 * The public room directory: public, non-archived rooms by name prefix, without reading every room.
 * Stores keep it in step with {@link RoomStorePort#save}: a room enters when saved public and
 * unarchived, and leaves when archived (rooms never change type).
 */
public interface RoomDirectoryPort {
  /** Where a page ends: the last room's {@link #key} and id. */
  record Position(String key, RoomId roomId) {}

  /**
   * The directory's key of a room name: lower-cased without regard to locale, so a prefix search
   * ignores case. Stores order the directory by (key, room id), comparing by code point.
   */
  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /**
   * Up to {@code limit} public, non-archived rooms whose {@link #key} starts with {@code keyPrefix}
   * (itself a key; empty for every room), ordered by (key, room id), after {@code after}
   * (exclusive; null for the first page); never null.
   */
  List<Room> publicRooms(String keyPrefix, Position after, int limit);
}

package dev.parley.protocol.json;

import dev.parley.application.port.in.RoomSummary;
import dev.parley.domain.access.Action;
import dev.parley.domain.access.Role;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomSettings;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A room on the wire. The caller-specific fields (yourRole, lastRead, unreadCount, mentionCount)
 * are absent in broadcast events, which go to many users.
 *
 * @param permissions the per-room overrides of the minimum role per action (lower case)
 */
public record RoomJson(
    String id,
    String name,
    String topic,
    String type,
    String createdBy,
    Instant createdAt,
    boolean archived,
    SettingsJson settings,
    Map<String, String> permissions,
    String yourRole,
    Long lastSequence,
    Long lastRead,
    Long unreadCount,
    Long mentionCount) {

  /** Room settings on the wire. */
  public record SettingsJson(
      int maxMessageLength, int slowModeSeconds, boolean presenceEvents, boolean typingEvents) {
    static SettingsJson of(RoomSettings s) {
      return new SettingsJson(
          s.maxMessageLength(), s.slowModeSeconds(), s.presenceEvents(), s.typingEvents());
    }
  }

  public static RoomJson of(RoomSummary summary) {
    boolean member = summary.yourRole() != null;
    return of(
        summary.room(),
        Wire.lower(summary.yourRole()),
        summary.lastSequence(),
        member ? summary.lastRead() : null,
        member ? summary.unreadCount() : null,
        member ? summary.mentionCount() : null);
  }

  /** The room without caller-specific fields, for events. */
  public static RoomJson of(Room r) {
    return of(r, null, null, null, null, null);
  }

  private static RoomJson of(
      Room r,
      String yourRole,
      Long lastSequence,
      Long lastRead,
      Long unreadCount,
      Long mentionCount) {
    return new RoomJson(
        r.id().value(),
        r.name(),
        r.topic(),
        Wire.lower(r.type()),
        r.createdBy().value(),
        r.createdAt(),
        r.archived(),
        SettingsJson.of(r.settings()),
        permissions(r),
        yourRole,
        lastSequence,
        lastRead,
        unreadCount,
        mentionCount);
  }

  private static Map<String, String> permissions(Room r) {
    Map<String, String> result = new TreeMap<>();
    for (Map.Entry<Action, Role> e : r.permissions().overrides().entrySet()) {
      result.put(Wire.lower(e.getKey()), Wire.lower(e.getValue()));
    }
    return result;
  }
}

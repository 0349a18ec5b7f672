package dev.parley.protocol.json;

import dev.parley.application.port.in.ReadMarker;
import dev.parley.application.port.in.UnreadCounts;
import java.util.List;

/** A read marker, what is unread after it, and how many of those messages mention the reader. */
public record ReadMarkerJson(
    String roomId, long lastRead, long lastSequence, long unreadCount, long mentionCount) {

  public static ReadMarkerJson of(ReadMarker m) {
    return new ReadMarkerJson(
        m.roomId().value(), m.lastRead(), m.lastSequence(), m.unreadCount(), m.mentionCount());
  }

  /** Unread counts of all of a user's rooms. */
  public record UnreadJson(List<ReadMarkerJson> rooms, long total, long mentionTotal) {
    public static UnreadJson of(UnreadCounts counts) {
      return new UnreadJson(
          counts.rooms().stream().map(ReadMarkerJson::of).toList(),
          counts.total(),
          counts.mentionTotal());
    }
  }
}

package dev.parley.application.service;

import dev.parley.application.error.InvalidInputException;
import dev.parley.domain.room.RoomId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque page cursors. A cursor names its kind and the room (or user) it pages through, so a cursor
 * from one listing cannot be replayed against another; anything else is invalid input. Cursors are
 * not secrets: they only say where a page starts, and every read is authorised anew.
 */
final class Cursors {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final String VERSION = "c1";

  /** What a cursor pages through. */
  enum Kind {
    HISTORY_BEFORE,
    HISTORY_AFTER,
    REPLIES,
    MEMBERS,
    MY_ROOMS,
    BLOCKS,
    PRESENCE,
    PINS,
    THREADS,
    BANS,
    MUTES,
    DIRECTORY,
    SEARCH
  }

  private Cursors() {}

  /** A cursor whose position is a key (sequence, user id or room id) inside {@code scope}. */
  static String encode(Kind kind, String scope, String position) {
    String raw = VERSION + '\n' + kind.name() + '\n' + scope + '\n' + position;
    return ENCODER.encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static String encode(Kind kind, RoomId room, long sequence) {
    return encode(kind, room.value(), Long.toString(sequence));
  }

  /**
   * The position of a cursor of this kind and scope.
   *
   * @throws InvalidInputException when the cursor was not issued for this listing
   */
  static String decode(String cursor, Kind kind, String scope) {
    String[] parts = split(cursor);
    if (parts == null
        || !VERSION.equals(parts[0])
        || !kind.name().equals(parts[1])
        || !scope.equals(parts[2])
        || parts[3].isEmpty()) {
      throw invalid();
    }
    return parts[3];
  }

  /** The kind of a history cursor (before or after), for callers that accept both. */
  static Kind historyKind(String cursor) {
    String[] parts = split(cursor);
    if (parts != null && VERSION.equals(parts[0])) {
      if (Kind.HISTORY_BEFORE.name().equals(parts[1])) {
        return Kind.HISTORY_BEFORE;
      }
      if (Kind.HISTORY_AFTER.name().equals(parts[1])) {
        return Kind.HISTORY_AFTER;
      }
    }
    throw invalid();
  }

  static long decodeSequence(String cursor, Kind kind, RoomId room) {
    try {
      long sequence = Long.parseLong(decode(cursor, kind, room.value()));
      if (sequence < 0) {
        throw invalid();
      }
      return sequence;
    } catch (NumberFormatException e) {
      throw invalid();
    }
  }

  private static String[] split(String cursor) {
    try {
      String raw = new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
      String[] parts = raw.split("\n", 4);
      return parts.length == 4 ? parts : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static InvalidInputException invalid() {
    return InvalidInputException.of("cursor", "is not a cursor issued for this listing");
  }
}

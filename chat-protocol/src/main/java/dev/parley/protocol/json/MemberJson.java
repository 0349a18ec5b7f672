package dev.parley.protocol.json;

import dev.parley.domain.member.Membership;
import java.time.Instant;

/** A membership on the wire; {@code mutedUntil} is absent when not muted. */
public record MemberJson(
    String roomId, String userId, String role, Instant joinedAt, String mutedUntil) {

  public static MemberJson of(Membership m) {
    return new MemberJson(
        m.roomId().value(),
        m.userId().value(),
        Wire.lower(m.role()),
        m.joinedAt(),
        mutedUntil(m.mutedUntil()));
  }

  /** An open-ended mute is "forever" rather than a date ten thousand years away. */
  static String mutedUntil(Instant until) {
    if (until == null) {
      return null;
    }
    return until.equals(Membership.INDEFINITELY) ? "forever" : until.toString();
  }
}

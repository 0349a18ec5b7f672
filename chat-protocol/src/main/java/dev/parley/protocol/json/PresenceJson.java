package dev.parley.protocol.json;

import dev.parley.domain.presence.Presence;
import java.time.Instant;

/** A user's presence on the wire. */
public record PresenceJson(String userId, String status, Instant lastActiveAt) {
  public static PresenceJson of(Presence p) {
    return new PresenceJson(p.userId().value(), Wire.lower(p.status()), p.lastActiveAt());
  }
}

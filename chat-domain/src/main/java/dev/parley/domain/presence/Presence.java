package dev.parley.domain.presence;

import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

/**
 * A user's presence, derived from all of their connections (multi-device): online if any live
 * connection was active recently, away if connected but idle everywhere, offline otherwise.
 *
 * @param lastActiveAt the latest activity on any connection, or null when none is known
 */
public record Presence(UserId userId, PresenceStatus status, Instant lastActiveAt) {

  public Presence {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(status, "status");
  }

  /** Derives a user's presence from their connections; dead connections are ignored. */
  public static Presence of(
      UserId userId, Collection<Connection> connections, Instant now, PresenceSettings settings) {
    Instant lastActive = null;
    for (Connection connection : connections) {
      if (!connection.aliveAt(now, settings)) {
        continue;
      }
      if (lastActive == null || connection.lastActivity().isAfter(lastActive)) {
        lastActive = connection.lastActivity();
      }
    }
    if (lastActive == null) {
      return new Presence(userId, PresenceStatus.OFFLINE, null);
    }
    boolean idle = lastActive.plus(settings.idleAfter()).isBefore(now);
    return new Presence(userId, idle ? PresenceStatus.AWAY : PresenceStatus.ONLINE, lastActive);
  }
}

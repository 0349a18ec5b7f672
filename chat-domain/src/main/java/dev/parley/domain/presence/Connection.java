package dev.parley.domain.presence;

import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A user's live connection. A user may have many (phone, laptop, tabs).
 *
 * @param lastHeartbeat when the client last proved it is there; past the TTL the connection is dead
 *     even if nobody said goodbye (a missed {@code $disconnect})
 * @param lastActivity when the user last did something (posted, typed, read), for away detection
 */
public record Connection(
    ConnectionId id,
    UserId userId,
    Instant connectedAt,
    Instant lastHeartbeat,
    Instant lastActivity) {

  public Connection {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(connectedAt, "connectedAt");
    Objects.requireNonNull(lastHeartbeat, "lastHeartbeat");
    Objects.requireNonNull(lastActivity, "lastActivity");
  }

  public static Connection open(ConnectionId id, UserId userId, Instant now) {
    return new Connection(id, userId, now, now, now);
  }

  public boolean aliveAt(Instant now, PresenceSettings settings) {
    return !now.isAfter(expiresAt(settings));
  }

  public Instant expiresAt(PresenceSettings settings) {
    return lastHeartbeat.plus(settings.heartbeatTtl());
  }

  public Connection heartbeat(Instant now, boolean active) {
    return new Connection(id, userId, connectedAt, now, active ? now : lastActivity);
  }
}

package dev.parley.application.port.out;

import dev.parley.domain.presence.Connection;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Live client connections. Every entry expires: a connection whose {@code expiresAt} has passed is
 * never returned, even if nobody removed it ({@code $disconnect} is best effort).
 */
public interface ConnectionRegistryPort {
  /** Registers or refreshes a connection until {@code expiresAt}. */
  void register(Connection connection, Instant expiresAt);

  /** The connection if it is registered and not expired at {@code now}. */
  Optional<Connection> find(ConnectionId id, Instant now);

  /** Removes the connection and all its room subscriptions; idempotent. Returns what it removed. */
  Optional<Connection> remove(ConnectionId id);

  /** The user's unexpired connections. */
  List<Connection> byUser(UserId userId, Instant now);
}

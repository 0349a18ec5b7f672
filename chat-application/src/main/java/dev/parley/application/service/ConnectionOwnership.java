package dev.parley.application.service;

import dev.parley.application.error.NotFoundException;
import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.domain.presence.Connection;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;

/** Finds a live connection of the acting user; someone else's connection is not found. */
@Singleton
final class ConnectionOwnership {
  private final ConnectionRegistryPort connections;

  @Inject
  ConnectionOwnership(ConnectionRegistryPort connections) {
    this.connections = connections;
  }

  Connection require(UserId actor, String connectionId, Instant now) {
    ConnectionId id = ConnectionId.of(connectionId);
    return connections
        .find(id, now)
        .filter(c -> c.userId().equals(actor))
        .orElseThrow(() -> new NotFoundException("connection " + id + " not found; reconnect"));
  }
}

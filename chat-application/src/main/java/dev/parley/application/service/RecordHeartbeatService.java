package dev.parley.application.service;

import dev.parley.application.config.ChatSettings;
import dev.parley.application.error.NotFoundException;
import dev.parley.application.port.in.RecordHeartbeatCommand;
import dev.parley.application.port.in.RecordHeartbeatUseCase;
import dev.parley.application.port.out.ClockPort;
import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.presence.Connection;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.presence.Presence;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/** Extends a connection's life; announces a return from away when the user is active again. */
public final class RecordHeartbeatService implements RecordHeartbeatUseCase {
  private final CommandValidator validator;
  private final ConnectionRegistryPort connections;
  private final ClockPort clock;
  private final ChatSettings settings;
  private final PresenceAnnouncer presence;

  @Inject
  RecordHeartbeatService(
      CommandValidator validator,
      ConnectionRegistryPort connections,
      ClockPort clock,
      ChatSettings settings,
      PresenceAnnouncer presence) {
    this.validator = validator;
    this.connections = connections;
    this.clock = clock;
    this.settings = settings;
    this.presence = presence;
  }

  @Override
  public Connection recordHeartbeat(RecordHeartbeatCommand command) {
    validator.validate(command);
    Instant now = clock.now();
    ConnectionId id = ConnectionId.of(command.connectionId());
    Optional<Connection> known = connections.find(id, now);
    if (known.isPresent() && !known.get().userId().equals(command.actor())) {
      throw new NotFoundException("connection " + id + " not found");
    }
    Presence before = presence.presenceOf(command.actor(), now);
    // An expired entry whose socket is still open is registered again: the transport knows best.
    Connection refreshed =
        known
            .map(c -> c.heartbeat(now, command.active()))
            .orElseGet(() -> Connection.open(id, command.actor(), now));
    connections.register(refreshed, refreshed.expiresAt(settings.presence()));
    presence.announceIfChanged(before, presence.presenceOf(command.actor(), now), now);
    return refreshed;
  }
}

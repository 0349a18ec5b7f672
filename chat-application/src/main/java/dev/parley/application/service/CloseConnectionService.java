package dev.parley.application.service;

import dev.parley.application.port.in.CloseConnectionCommand;
import dev.parley.application.port.in.CloseConnectionUseCase;
import dev.parley.application.port.out.ClockPort;
import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.presence.Connection;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.presence.Presence;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/** Forgets a closed connection and its subscriptions. */
public final class CloseConnectionService implements CloseConnectionUseCase {
  private final CommandValidator validator;
  private final ConnectionRegistryPort connections;
  private final ClockPort clock;
  private final PresenceAnnouncer presence;

  @Inject
  CloseConnectionService(
      CommandValidator validator,
      ConnectionRegistryPort connections,
      ClockPort clock,
      PresenceAnnouncer presence) {
    this.validator = validator;
    this.connections = connections;
    this.clock = clock;
    this.presence = presence;
  }

  @Override
  public void closeConnection(CloseConnectionCommand command) {
    validator.validate(command);
    Instant now = clock.now();
    ConnectionId id = ConnectionId.of(command.connectionId());
    Optional<Connection> known = connections.find(id, now);
    if (known.isEmpty()) {
      connections.remove(id); // expired or unknown: still drop whatever is left of it
      return;
    }
    Presence before = presence.presenceOf(known.get().userId(), now);
    connections.remove(id);
    presence.announceIfChanged(before, presence.presenceOf(known.get().userId(), now), now);
  }
}

package dev.parley.application.service;

import dev.parley.application.config.ChatSettings;
import dev.parley.application.port.in.Connected;
import dev.parley.application.port.in.OpenConnectionCommand;
import dev.parley.application.port.in.OpenConnectionUseCase;
import dev.parley.application.port.out.ClockPort;
import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.presence.Connection;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.presence.Presence;
import jakarta.inject.Inject;
import java.time.Instant;

/** Registers a connection with an expiry and answers with the user's unread counts. */
public final class OpenConnectionService implements OpenConnectionUseCase {
  private final CommandValidator validator;
  private final ConnectionRegistryPort connections;
  private final ClockPort clock;
  private final ChatSettings settings;
  private final PresenceAnnouncer presence;
  private final UnreadCounter counter;

  @Inject
  OpenConnectionService(
      CommandValidator validator,
      ConnectionRegistryPort connections,
      ClockPort clock,
      ChatSettings settings,
      PresenceAnnouncer presence,
      UnreadCounter counter) {
    this.validator = validator;
    this.connections = connections;
    this.clock = clock;
    this.settings = settings;
    this.presence = presence;
    this.counter = counter;
  }

  @Override
  public Connected openConnection(OpenConnectionCommand command) {
    validator.validate(command);
    Instant now = clock.now();
    Presence before = presence.presenceOf(command.actor(), now);
    Connection connection =
        Connection.open(ConnectionId.of(command.connectionId()), command.actor(), now);
    connections.register(connection, connection.expiresAt(settings.presence()));
    presence.announceIfChanged(before, presence.presenceOf(command.actor(), now), now);
    return new Connected(connection, counter.forUser(command.actor()));
  }
}

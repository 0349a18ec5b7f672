package dev.parley.application.service;

import dev.parley.application.port.in.GetConnectionOwnerQuery;
import dev.parley.application.port.in.GetConnectionOwnerUseCase;
import dev.parley.application.port.out.ClockPort;
import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.presence.Connection;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import java.util.Optional;

/** Looks up the user of a live connection. */
public final class GetConnectionOwnerService implements GetConnectionOwnerUseCase {
  private final CommandValidator validator;
  private final ConnectionRegistryPort connections;
  private final ClockPort clock;

  @Inject
  GetConnectionOwnerService(
      CommandValidator validator, ConnectionRegistryPort connections, ClockPort clock) {
    this.validator = validator;
    this.connections = connections;
    this.clock = clock;
  }

  @Override
  public Optional<UserId> getConnectionOwner(GetConnectionOwnerQuery query) {
    validator.validate(query);
    return connections
        .find(ConnectionId.of(query.connectionId()), clock.now())
        .map(Connection::userId);
  }
}

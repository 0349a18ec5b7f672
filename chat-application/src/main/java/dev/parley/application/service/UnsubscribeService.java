package dev.parley.application.service;

import dev.parley.application.port.in.UnsubscribeCommand;
import dev.parley.application.port.in.UnsubscribeUseCase;
import dev.parley.application.port.out.ClockPort;
import dev.parley.application.port.out.RoomSubscriptionPort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.presence.Connection;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;

/** Stops a connection receiving rooms' events. */
public final class UnsubscribeService implements UnsubscribeUseCase {
  private final CommandValidator validator;
  private final ConnectionOwnership ownership;
  private final RoomSubscriptionPort subscriptions;
  private final ClockPort clock;

  @Inject
  UnsubscribeService(
      CommandValidator validator,
      ConnectionOwnership ownership,
      RoomSubscriptionPort subscriptions,
      ClockPort clock) {
    this.validator = validator;
    this.ownership = ownership;
    this.subscriptions = subscriptions;
    this.clock = clock;
  }

  @Override
  public void unsubscribe(UnsubscribeCommand command) {
    validator.validate(command);
    Connection connection = ownership.require(command.actor(), command.connectionId(), clock.now());
    for (String roomId : command.roomIds()) {
      subscriptions.unsubscribe(RoomId.of(roomId), connection.id());
    }
  }
}

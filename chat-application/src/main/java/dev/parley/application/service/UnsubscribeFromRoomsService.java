package dev.parley.application.service;

import dev.parley.application.port.in.UnsubscribeFromRoomsCommand;
import dev.parley.application.port.in.UnsubscribeFromRoomsUseCase;
import dev.parley.application.port.out.ClockPort;
import dev.parley.application.port.out.RoomSubscriptionPort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.presence.Connection;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;

/** Stops a connection receiving rooms' events. */
public final class UnsubscribeFromRoomsService implements UnsubscribeFromRoomsUseCase {
  private final CommandValidator validator;
  private final ConnectionOwnership ownership;
  private final RoomSubscriptionPort subscriptions;
  private final ClockPort clock;

  @Inject
  UnsubscribeFromRoomsService(
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
  public void unsubscribeFromRooms(UnsubscribeFromRoomsCommand command) {
    validator.validate(command);
    Connection connection = ownership.require(command.actor(), command.connectionId(), clock.now());
    for (String roomId : command.roomIds()) {
      subscriptions.unsubscribe(RoomId.of(roomId), connection.id());
    }
  }
}

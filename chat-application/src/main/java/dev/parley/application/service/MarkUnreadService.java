package dev.parley.application.service;

import dev.parley.application.error.InvalidInputException;
import dev.parley.application.port.in.MarkUnreadCommand;
import dev.parley.application.port.in.MarkUnreadUseCase;
import dev.parley.application.port.in.ReadMarker;
import dev.parley.application.port.out.ReadStatePort;
import dev.parley.application.port.out.RoomSequencePort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.read.ReadPosition;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;

/** Moves a member's read marker back so a message counts as unread again. */
public final class MarkUnreadService implements MarkUnreadUseCase {
  private final CommandValidator validator;
  private final RoomAccess access;
  private final ReadStatePort readState;
  private final RoomSequencePort sequences;
  private final UnreadCounter counter;
  private final EventPublisher events;

  @Inject
  MarkUnreadService(
      CommandValidator validator,
      RoomAccess access,
      ReadStatePort readState,
      RoomSequencePort sequences,
      UnreadCounter counter,
      EventPublisher events) {
    this.validator = validator;
    this.access = access;
    this.readState = readState;
    this.sequences = sequences;
    this.counter = counter;
    this.events = events;
  }

  @Override
  public ReadMarker markUnread(MarkUnreadCommand command) {
    validator.validate(command);
    RoomId roomId = RoomId.of(command.roomId());
    RoomContext context = access.enter(command.actor(), roomId, Action.READ);
    access.requireOwnMembership(context);
    if (command.sequence() > sequences.lastSequence(roomId)) {
      throw InvalidInputException.of("sequence", "no message has this sequence yet");
    }
    long marker = ReadPosition.markUnread(command.sequence());
    readState.reset(roomId, command.actor(), marker);
    events.publish(
        new ChatEvent.ReadMarkerMoved(roomId, command.actor(), marker, context.now()),
        context.now());
    return counter.marker(roomId, command.actor(), marker);
  }
}

package dev.parley.application.service;

import dev.parley.application.port.in.MarkReadCommand;
import dev.parley.application.port.in.MarkReadUseCase;
import dev.parley.application.port.in.ReadMarker;
import dev.parley.application.port.out.ReadStatePort;
import dev.parley.application.port.out.RoomSequencePort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.read.ReadPosition;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;

/** Moves a member's read marker forward. */
public final class MarkReadService implements MarkReadUseCase {
  private final CommandValidator validator;
  private final RoomAccess access;
  private final ReadStatePort readState;
  private final RoomSequencePort sequences;
  private final UnreadCounter counter;
  private final EventPublisher events;

  @Inject
  MarkReadService(
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
  public ReadMarker markRead(MarkReadCommand command) {
    validator.validate(command);
    RoomId roomId = RoomId.of(command.roomId());
    RoomContext context = access.enter(command.actor(), roomId, Action.READ);
    access.requireOwnMembership(context);
    long target = ReadPosition.markRead(0, command.sequence(), sequences.lastSequence(roomId));
    long before = readState.lastRead(roomId, command.actor());
    long after = target > before ? readState.advance(roomId, command.actor(), target) : before;
    if (after > before) {
      events.publish(
          new ChatEvent.ReadMarkerMoved(roomId, command.actor(), after, context.now()),
          context.now());
    }
    return counter.marker(roomId, command.actor(), after);
  }
}

package dev.parley.application.service;

import dev.parley.application.error.ConflictException;
import dev.parley.application.error.NotFoundException;
import dev.parley.application.port.in.MessageView;
import dev.parley.application.port.in.PinMessageCommand;
import dev.parley.application.port.in.PinMessageUseCase;
import dev.parley.application.port.out.MessageStorePort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.message.ChangeOutcome;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageChange;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;

/** Pins or unpins a message. */
public final class PinMessageService implements PinMessageUseCase {
  private final CommandValidator validator;
  private final RoomAccess access;
  private final MessageLookup lookup;
  private final MessageStorePort messages;
  private final EventPublisher events;
  private final Views views;

  @Inject
  PinMessageService(
      CommandValidator validator,
      RoomAccess access,
      MessageLookup lookup,
      MessageStorePort messages,
      EventPublisher events,
      Views views) {
    this.validator = validator;
    this.access = access;
    this.lookup = lookup;
    this.messages = messages;
    this.events = events;
    this.views = views;
  }

  @Override
  public MessageView pinMessage(PinMessageCommand command) {
    validator.validate(command);
    RoomId roomId = RoomId.of(command.roomId());
    RoomContext context = access.enter(command.actor(), roomId, Action.PIN);
    Message message = lookup.require(roomId, command.messageId());
    if (message.pinned() == command.pinned() && !message.deleted()) {
      return views.message(message);
    }
    ChangeOutcome outcome =
        messages
            .change(roomId, message.id(), new MessageChange.Pin(command.pinned()))
            .orElseThrow(() -> NotFoundException.message(command.messageId()));
    return switch (outcome) {
      case ChangeOutcome.Rejected rejected ->
          throw new ConflictException("a deleted message cannot be pinned");
      case ChangeOutcome.Applied applied -> {
        events.publish(
            new ChatEvent.MessagePinned(applied.message(), command.actor(), context.now()),
            context.now());
        yield views.message(applied.message());
      }
    };
  }
}

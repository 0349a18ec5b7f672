package dev.parley.application.service;

import dev.parley.application.config.ChatSettings;
import dev.parley.application.error.ConflictException;
import dev.parley.application.error.NotFoundException;
import dev.parley.application.port.in.EditMessageCommand;
import dev.parley.application.port.in.EditMessageUseCase;
import dev.parley.application.port.in.MessageView;
import dev.parley.application.port.out.MessageStorePort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.message.ChangeOutcome;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageBody;
import dev.parley.domain.message.MessageChange;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;

/** Edits the text of one's own message. */
public final class EditMessageService implements EditMessageUseCase {
  private final CommandValidator validator;
  private final RateLimits rateLimits;
  private final ChatSettings settings;
  private final RoomAccess access;
  private final MessageLookup lookup;
  private final MessageStorePort messages;
  private final EventPublisher events;
  private final Views views;
  private final MentionNotifier mentions;

  @Inject
  EditMessageService(
      CommandValidator validator,
      RoomAccess access,
      MessageLookup lookup,
      MessageStorePort messages,
      EventPublisher events,
      Views views,
      RateLimits rateLimits,
      ChatSettings settings,
      MentionNotifier mentions) {
    this.validator = validator;
    this.rateLimits = rateLimits;
    this.settings = settings;
    this.access = access;
    this.lookup = lookup;
    this.messages = messages;
    this.events = events;
    this.views = views;
    this.mentions = mentions;
  }

  @Override
  public MessageView editMessage(EditMessageCommand command) {
    validator.validate(command);
    RoomId roomId = RoomId.of(command.roomId());
    RoomContext context = access.enter(command.actor(), roomId);
    Message message = lookup.require(roomId, command.messageId());
    access.authorize(context, Action.EDIT_OWN, message.author(), context.membership());
    rateLimits.require(
        "edit:" + command.actor().value(), settings.editLimit(), context.now(), "too many edits");
    MessageBody body =
        MessageTexts.require(command.text(), context.room().settings().maxMessageLength());
    ChangeOutcome outcome =
        messages
            .change(roomId, message.id(), new MessageChange.Edit(body, context.now()))
            .orElseThrow(() -> NotFoundException.message(command.messageId()));
    return switch (outcome) {
      case ChangeOutcome.Rejected rejected ->
          throw new ConflictException("the message was deleted and can no longer be edited");
      case ChangeOutcome.Applied applied -> {
        events.publish(
            new ChatEvent.MessageEdited(applied.message(), context.now()), context.now());
        // Diffed against the text read before the change: a concurrent edit of the same message
        // may leave a stale mention until the next edit or delete of it.
        mentions.edited(message, applied.message(), context.now());
        yield views.message(applied.message());
      }
    };
  }
}

package dev.parley.application.service;

import dev.parley.application.config.ChatSettings;
import dev.parley.application.error.NotFoundException;
import dev.parley.application.port.in.DeleteMessageCommand;
import dev.parley.application.port.in.DeleteMessageUseCase;
import dev.parley.application.port.in.MessageView;
import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.application.port.out.MessageStorePort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.message.ChangeOutcome;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageChange;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;

/** Soft-deletes a message: the tombstone keeps its place in the order. */
public final class DeleteMessageService implements DeleteMessageUseCase {
  private final CommandValidator validator;
  private final RoomAccess access;
  private final MessageLookup lookup;
  private final MessageStorePort messages;
  private final MembershipStorePort memberships;
  private final EventPublisher events;
  private final MentionNotifier mentions;
  private final RateLimits rateLimits;
  private final ChatSettings settings;

  @Inject
  DeleteMessageService(
      CommandValidator validator,
      RoomAccess access,
      MessageLookup lookup,
      MessageStorePort messages,
      MembershipStorePort memberships,
      EventPublisher events,
      MentionNotifier mentions,
      RateLimits rateLimits,
      ChatSettings settings) {
    this.validator = validator;
    this.access = access;
    this.lookup = lookup;
    this.messages = messages;
    this.memberships = memberships;
    this.events = events;
    this.mentions = mentions;
    this.rateLimits = rateLimits;
    this.settings = settings;
  }

  @Override
  public MessageView deleteMessage(DeleteMessageCommand command) {
    validator.validate(command);
    RoomId roomId = RoomId.of(command.roomId());
    RoomContext context = access.enter(command.actor(), roomId);
    Message message = lookup.require(roomId, command.messageId());
    if (message.author().equals(command.actor())) {
      access.authorize(context, Action.DELETE_OWN, message.author(), context.membership());
    } else {
      // Moderators delete others' messages, but never those of a member who outranks them.
      access.authorize(
          context,
          Action.DELETE_ANY,
          message.author(),
          memberships.find(roomId, message.author()).orElse(null));
    }
    if (message.deleted()) {
      return MessageView.of(message); // idempotent: a retry sees the same tombstone
    }
    rateLimits.require(
        "delete:" + command.actor().value(),
        settings.deleteLimit(),
        context.now(),
        "too many deletions");
    ChangeOutcome outcome =
        messages
            .change(roomId, message.id(), new MessageChange.Delete(context.now()))
            .orElseThrow(() -> NotFoundException.message(command.messageId()));
    return switch (outcome) {
      case ChangeOutcome.Rejected rejected ->
          // Deleted concurrently by someone else: the tombstone is what the caller wanted.
          MessageView.of(lookup.require(roomId, command.messageId()));
      case ChangeOutcome.Applied applied -> {
        Message tombstone = applied.message();
        mentions.deleted(message);
        events.publish(
            new ChatEvent.MessageDeleted(
                roomId, tombstone.id(), tombstone.sequence(), command.actor(), context.now()),
            context.now());
        yield MessageView.of(tombstone);
      }
    };
  }
}

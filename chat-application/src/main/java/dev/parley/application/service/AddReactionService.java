package dev.parley.application.service;

import dev.parley.application.config.ChatSettings;
import dev.parley.application.error.ConflictException;
import dev.parley.application.port.in.AddReactionCommand;
import dev.parley.application.port.in.AddReactionUseCase;
import dev.parley.application.port.in.MessageView;
import dev.parley.application.port.out.ReactionStorePort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.message.Message;
import dev.parley.domain.reaction.Emoji;
import dev.parley.domain.reaction.Reaction;
import dev.parley.domain.reaction.ReactionOutcome;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;

/** Adds the caller's reaction to a message. */
public final class AddReactionService implements AddReactionUseCase {
  private final CommandValidator validator;
  private final RoomAccess access;
  private final MessageLookup lookup;
  private final ReactionStorePort reactions;
  private final RateLimits rateLimits;
  private final ChatSettings settings;
  private final EventPublisher events;
  private final Views views;

  @Inject
  AddReactionService(
      CommandValidator validator,
      RoomAccess access,
      MessageLookup lookup,
      ReactionStorePort reactions,
      RateLimits rateLimits,
      ChatSettings settings,
      EventPublisher events,
      Views views) {
    this.validator = validator;
    this.access = access;
    this.lookup = lookup;
    this.reactions = reactions;
    this.rateLimits = rateLimits;
    this.settings = settings;
    this.events = events;
    this.views = views;
  }

  @Override
  public MessageView addReaction(AddReactionCommand command) {
    validator.validate(command);
    Emoji emoji = Reactions.emoji(command.emoji());
    RoomId roomId = RoomId.of(command.roomId());
    RoomContext context = access.enter(command.actor(), roomId, Action.REACT);
    Message message = lookup.require(roomId, command.messageId());
    Reactions.requireLive(message);
    rateLimits.require(
        "react:" + command.actor().value(),
        settings.reactionLimit(),
        context.now(),
        "too many reactions");
    ReactionOutcome outcome = reactions.add(roomId, message.id(), emoji, command.actor());
    if (outcome == ReactionOutcome.LIMIT_REACHED) {
      throw new ConflictException(
          "a message carries at most " + Reaction.MAX_DISTINCT_PER_MESSAGE + " distinct reactions");
    }
    MessageView view = views.message(message);
    if (outcome.changed()) {
      events.publish(
          Reactions.changed(view, emoji, command.actor(), true, context.now()), context.now());
    }
    return view;
  }
}

package dev.parley.application.service;

import dev.parley.application.config.ChatSettings;
import dev.parley.application.port.in.MessageView;
import dev.parley.application.port.in.RemoveReactionCommand;
import dev.parley.application.port.in.RemoveReactionUseCase;
import dev.parley.application.port.out.ReactionStorePort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.message.Message;
import dev.parley.domain.reaction.Emoji;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;

/** Removes the caller's reaction; allowed to anyone who can read, so a muted member can undo. */
public final class RemoveReactionService implements RemoveReactionUseCase {
  private final CommandValidator validator;
  private final RateLimits rateLimits;
  private final ChatSettings settings;
  private final RoomAccess access;
  private final MessageLookup lookup;
  private final ReactionStorePort reactions;
  private final EventPublisher events;
  private final Views views;

  @Inject
  RemoveReactionService(
      CommandValidator validator,
      RoomAccess access,
      MessageLookup lookup,
      ReactionStorePort reactions,
      EventPublisher events,
      Views views,
      RateLimits rateLimits,
      ChatSettings settings) {
    this.validator = validator;
    this.rateLimits = rateLimits;
    this.settings = settings;
    this.access = access;
    this.lookup = lookup;
    this.reactions = reactions;
    this.events = events;
    this.views = views;
  }

  @Override
  public MessageView removeReaction(RemoveReactionCommand command) {
    validator.validate(command);
    Emoji emoji = Reactions.emoji(command.emoji());
    RoomId roomId = RoomId.of(command.roomId());
    RoomContext context = access.enter(command.actor(), roomId, Action.READ);
    Message message = lookup.require(roomId, command.messageId());
    Reactions.requireLive(message);
    // Adding and removing share one budget: toggling is what a misbehaving client repeats.
    rateLimits.require(
        "react:" + command.actor().value(),
        settings.reactionLimit(),
        context.now(),
        "too many reactions");
    boolean removed = reactions.remove(roomId, message.id(), emoji, command.actor()).changed();
    MessageView view = views.message(message);
    if (removed) {
      events.publish(
          Reactions.changed(view, emoji, command.actor(), false, context.now()), context.now());
    }
    return view;
  }
}

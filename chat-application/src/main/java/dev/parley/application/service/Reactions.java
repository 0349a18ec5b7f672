package dev.parley.application.service;

import dev.parley.application.error.ConflictException;
import dev.parley.application.error.InvalidInputException;
import dev.parley.application.port.in.MessageView;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.message.Message;
import dev.parley.domain.reaction.Emoji;
import dev.parley.domain.reaction.Reaction;
import dev.parley.domain.user.UserId;
import java.time.Instant;

/** Steps shared by adding and removing reactions. */
final class Reactions {
  private Reactions() {}

  static Emoji emoji(String value) {
    if (!Emoji.isValid(value)) {
      throw InvalidInputException.of(
          "emoji", "must be 1-32 code points without whitespace, control characters or '/'");
    }
    return Emoji.of(value);
  }

  static void requireLive(Message message) {
    if (message.deleted()) {
      throw new ConflictException("the message was deleted");
    }
  }

  static ChatEvent.ReactionChanged changed(
      MessageView view, Emoji emoji, UserId user, boolean added, Instant now) {
    int count = 0;
    for (Reaction reaction : view.reactions()) {
      if (reaction.emoji().equals(emoji)) {
        count = reaction.count();
      }
    }
    Message message = view.message();
    return new ChatEvent.ReactionChanged(
        message.roomId(), message.id(), message.sequence(), emoji, user, added, count, now);
  }
}

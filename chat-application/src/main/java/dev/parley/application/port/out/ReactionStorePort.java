package dev.parley.application.port.out;

import dev.parley.domain.message.MessageId;
import dev.parley.domain.reaction.Emoji;
import dev.parley.domain.reaction.Reaction;
import dev.parley.domain.reaction.ReactionOutcome;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Stores who reacted with what on which message. */
public interface ReactionStorePort {
  /**
   * Adds a reaction; idempotent ({@code UNCHANGED} when already there). Answers {@code
   * LIMIT_REACHED} and stores nothing when the message already has {@link
   * Reaction#MAX_DISTINCT_PER_MESSAGE} other emoji; the check and the write are atomic.
   */
  ReactionOutcome add(RoomId roomId, MessageId messageId, Emoji emoji, UserId userId);

  /** Removes a reaction; idempotent ({@code UNCHANGED} when it was not there). */
  ReactionOutcome remove(RoomId roomId, MessageId messageId, Emoji emoji, UserId userId);

  /**
   * The reactions of the given messages, each list in the order the emoji were first used. Messages
   * without reactions are absent from the map.
   */
  Map<MessageId, List<Reaction>> reactionsOf(RoomId roomId, Collection<MessageId> messageIds);
}

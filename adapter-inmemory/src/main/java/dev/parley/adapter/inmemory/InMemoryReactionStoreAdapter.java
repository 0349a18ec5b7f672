package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.ReactionStorePort;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.reaction.Emoji;
import dev.parley.domain.reaction.Reaction;
import dev.parley.domain.reaction.ReactionOutcome;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reactions in memory, thread-safe. Per message, the check against {@link
 * Reaction#MAX_DISTINCT_PER_MESSAGE} and the write happen under the message's monitor. {@link #add}
 * and {@link #remove} are idempotent. Emoji are listed in the order they were first used, users in
 * the order they reacted; an emoji whose last user removes it is dropped, and counts as a new first
 * use if it comes back. Results are never null.
 */
@Singleton
public final class InMemoryReactionStoreAdapter implements ReactionStorePort {
  @Inject
  public InMemoryReactionStoreAdapter() {}

  private record Key(RoomId roomId, MessageId messageId) {}

  /** One message's reactions; guarded by its own monitor. */
  private static final class MessageReactions {
    private final LinkedHashMap<Emoji, LinkedHashSet<UserId>> usersByEmoji = new LinkedHashMap<>();
  }

  private final ConcurrentHashMap<Key, MessageReactions> messages = new ConcurrentHashMap<>();

  @Override
  public ReactionOutcome add(RoomId roomId, MessageId messageId, Emoji emoji, UserId userId) {
    MessageReactions reactions =
        messages.computeIfAbsent(new Key(roomId, messageId), key -> new MessageReactions());
    synchronized (reactions) {
      LinkedHashSet<UserId> users = reactions.usersByEmoji.get(emoji);
      if (users == null) {
        if (reactions.usersByEmoji.size() >= Reaction.MAX_DISTINCT_PER_MESSAGE) {
          return ReactionOutcome.LIMIT_REACHED;
        }
        users = new LinkedHashSet<>();
        reactions.usersByEmoji.put(emoji, users);
      }
      return users.add(userId) ? ReactionOutcome.ADDED : ReactionOutcome.UNCHANGED;
    }
  }

  @Override
  public ReactionOutcome remove(RoomId roomId, MessageId messageId, Emoji emoji, UserId userId) {
    MessageReactions reactions = messages.get(new Key(roomId, messageId));
    if (reactions == null) {
      return ReactionOutcome.UNCHANGED;
    }
    synchronized (reactions) {
      LinkedHashSet<UserId> users = reactions.usersByEmoji.get(emoji);
      if (users == null || !users.remove(userId)) {
        return ReactionOutcome.UNCHANGED;
      }
      if (users.isEmpty()) {
        reactions.usersByEmoji.remove(emoji);
      }
      return ReactionOutcome.REMOVED;
    }
  }

  @Override
  public Map<MessageId, List<Reaction>> reactionsOf(
      RoomId roomId, Collection<MessageId> messageIds) {
    Map<MessageId, List<Reaction>> result = new HashMap<>();
    for (MessageId messageId : messageIds) {
      MessageReactions reactions = messages.get(new Key(roomId, messageId));
      if (reactions == null) {
        continue;
      }
      List<Reaction> list;
      synchronized (reactions) {
        if (reactions.usersByEmoji.isEmpty()) {
          continue;
        }
        list = new ArrayList<>(reactions.usersByEmoji.size());
        reactions.usersByEmoji.forEach(
            (emoji, users) -> list.add(new Reaction(emoji, List.copyOf(users))));
      }
      result.put(messageId, List.copyOf(list));
    }
    return result;
  }
}

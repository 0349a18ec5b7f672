package dev.parley.domain.event;

import dev.parley.domain.access.Role;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.presence.PresenceStatus;
import dev.parley.domain.reaction.Emoji;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.List;

/**
 * Everything that happens in a room, as a closed family of records. Each event names its room and
 * when it happened; events about a message carry that message's sequence so clients can order and
 * resume. Ephemeral events (typing, presence) carry no sequence.
 */
public sealed interface ChatEvent {
  RoomId roomId();

  Instant at();

  /** The room sequence the event is about; 0 when the event is not about a message. */
  default long sequence() {
    return 0;
  }

  record MessagePosted(Message message, Instant at) implements ChatEvent {
    public RoomId roomId() {
      return message.roomId();
    }

    public long sequence() {
      return message.sequence();
    }
  }

  record MessageEdited(Message message, Instant at) implements ChatEvent {
    public RoomId roomId() {
      return message.roomId();
    }

    public long sequence() {
      return message.sequence();
    }
  }

  record MessageDeleted(RoomId roomId, MessageId messageId, long sequence, UserId by, Instant at)
      implements ChatEvent {}

  /**
   * A member was mentioned in a message, by a post or by an edit that added the mention. Delivered
   * to the mentioned user's connections only, not to the room.
   *
   * @param userId the member mentioned
   * @param by the message's author
   */
  record Mentioned(
      RoomId roomId, MessageId messageId, long sequence, UserId userId, UserId by, Instant at)
      implements ChatEvent {}

  record MessagePinned(Message message, UserId by, Instant at) implements ChatEvent {
    public RoomId roomId() {
      return message.roomId();
    }

    public long sequence() {
      return message.sequence();
    }
  }

  /**
   * A user added or removed a reaction.
   *
   * @param count how many users now react with this emoji
   */
  record ReactionChanged(
      RoomId roomId,
      MessageId messageId,
      long sequence,
      Emoji emoji,
      UserId userId,
      boolean added,
      int count,
      Instant at)
      implements ChatEvent {}

  record MemberJoined(RoomId roomId, UserId userId, Role role, UserId invitedBy, Instant at)
      implements ChatEvent {}

  record MemberLeft(RoomId roomId, UserId userId, Instant at) implements ChatEvent {}

  record MemberKicked(RoomId roomId, UserId userId, UserId by, Instant at) implements ChatEvent {}

  /**
   * @param expiresAt when the ban lapses, or null for a ban until lifted
   */
  record MemberBanned(RoomId roomId, UserId userId, UserId by, Instant expiresAt, Instant at)
      implements ChatEvent {}

  record MemberUnbanned(RoomId roomId, UserId userId, UserId by, Instant at) implements ChatEvent {}

  /**
   * @param until when the mute ends, or null when the member was unmuted
   */
  record MemberMuted(RoomId roomId, UserId userId, UserId by, Instant until, Instant at)
      implements ChatEvent {}

  record RoleChanged(RoomId roomId, UserId userId, Role from, Role to, UserId by, Instant at)
      implements ChatEvent {}

  record RoomUpdated(Room room, UserId by, Instant at) implements ChatEvent {
    public RoomId roomId() {
      return room.id();
    }
  }

  record RoomArchived(RoomId roomId, UserId by, Instant at) implements ChatEvent {}

  /**
   * A member's read marker moved. {@code lastRead} is a position, not the event's place in the
   * stream, so {@link #sequence()} stays 0 and clients never resume from it.
   */
  record ReadMarkerMoved(RoomId roomId, UserId userId, long lastRead, Instant at)
      implements ChatEvent {}

  record PresenceChanged(
      RoomId roomId, UserId userId, PresenceStatus status, Instant lastActiveAt, Instant at)
      implements ChatEvent {}

  /**
   * @param typers everyone typing in the room now, so a client never has to merge deltas
   */
  record TypingChanged(RoomId roomId, List<UserId> typers, Instant at) implements ChatEvent {
    public TypingChanged {
      typers = List.copyOf(typers);
    }
  }
}

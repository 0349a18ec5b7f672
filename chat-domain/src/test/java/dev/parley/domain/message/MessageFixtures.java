package dev.parley.domain.message;

import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.time.Instant;

/** Real messages for the message tests. */
final class MessageFixtures {
  static final Instant POSTED_AT = Instant.parse("2025-06-01T12:00:00Z");
  static final RoomId GENERAL = RoomId.of("general");
  static final RoomId RANDOM = RoomId.of("random");
  static final UserId ALICE = UserId.of("alice");

  private MessageFixtures() {}

  static NewMessage draft(String id, RoomId room, MessageId parent) {
    return new NewMessage(
        MessageId.of(id),
        room,
        ALICE,
        MessageBody.of("hello from " + id),
        parent,
        ClientMessageId.of("client-" + id),
        POSTED_AT);
  }

  /** A live top-level message of {@code room} at {@code sequence}. */
  static Message topLevel(String id, RoomId room, long sequence) {
    return Message.fromDraft(draft(id, room, null), sequence);
  }

  /** A live reply to {@code parent}, in the parent's room. */
  static Message replyTo(Message parent, String id, long sequence) {
    return Message.fromDraft(draft(id, parent.roomId(), parent.id()), sequence);
  }

  static Message deleted(Message message) {
    return ((ChangeOutcome.Applied)
            message.apply(new MessageChange.Delete(POSTED_AT.plusSeconds(60))))
        .message();
  }
}

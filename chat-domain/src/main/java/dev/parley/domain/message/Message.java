package dev.parley.domain.message;

import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A message in a room. The per-room {@code sequence} is the only ordering key: it is assigned by
 * the store, starts at 1 and never repeats in a room; clocks never order messages.
 *
 * @param body the text; null once the message is deleted (the tombstone keeps its place)
 * @param parentId the thread root this message replies to, or null for a top-level message
 * @param replyCount for a thread root, how many replies it has; 0 otherwise
 * @param clientMessageId the author's idempotency key, or null
 * @param editedAt when the text last changed, or null
 * @param deletedAt when it was deleted, or null
 */
public record Message(
    MessageId id,
    RoomId roomId,
    long sequence,
    UserId author,
    String body,
    MessageId parentId,
    int replyCount,
    ClientMessageId clientMessageId,
    Instant createdAt,
    Instant editedAt,
    Instant deletedAt,
    boolean pinned) {

  public Message {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(roomId, "roomId");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(createdAt, "createdAt");
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence starts at 1, was " + sequence);
    }
    if ((body == null) != (deletedAt != null)) {
      throw new IllegalArgumentException("a message has a body exactly when it is not deleted");
    }
  }

  /** The message a store creates from a draft when it assigns the sequence. */
  public static Message fromDraft(NewMessage draft, long sequence) {
    return new Message(
        draft.id(),
        draft.roomId(),
        sequence,
        draft.author(),
        draft.body().text(),
        draft.parentId(),
        0,
        draft.clientMessageId(),
        draft.createdAt(),
        null,
        null,
        false);
  }

  public boolean deleted() {
    return deletedAt != null;
  }

  public boolean isReply() {
    return parentId != null;
  }

  /** Applies a change, or tells why it cannot apply. Never null. */
  public ChangeOutcome apply(MessageChange change) {
    if (deleted()) {
      return new ChangeOutcome.Rejected(ChangeOutcome.Reason.DELETED);
    }
    return new ChangeOutcome.Applied(
        switch (change) {
          case MessageChange.Edit edit ->
              new Message(
                  id,
                  roomId,
                  sequence,
                  author,
                  edit.body().text(),
                  parentId,
                  replyCount,
                  clientMessageId,
                  createdAt,
                  edit.at(),
                  null,
                  pinned);
          case MessageChange.Delete delete ->
              new Message(
                  id,
                  roomId,
                  sequence,
                  author,
                  null,
                  parentId,
                  replyCount,
                  clientMessageId,
                  createdAt,
                  editedAt,
                  delete.at(),
                  false);
          case MessageChange.Pin pin ->
              new Message(
                  id,
                  roomId,
                  sequence,
                  author,
                  body,
                  parentId,
                  replyCount,
                  clientMessageId,
                  createdAt,
                  editedAt,
                  null,
                  pin.pinned());
        });
  }

  /** The same message with one more reply; for stores that count replies on the root. */
  public Message withReplyAdded() {
    return new Message(
        id,
        roomId,
        sequence,
        author,
        body,
        parentId,
        replyCount + 1,
        clientMessageId,
        createdAt,
        editedAt,
        deletedAt,
        pinned);
  }
}

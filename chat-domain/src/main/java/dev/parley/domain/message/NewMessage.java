package dev.parley.domain.message;

import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A message about to be stored: everything but the sequence, which the store assigns.
 *
 * @param parentId the thread root, or null
 * @param clientMessageId the idempotency key, or null
 */
public record NewMessage(
    MessageId id,
    RoomId roomId,
    UserId author,
    MessageBody body,
    MessageId parentId,
    ClientMessageId clientMessageId,
    Instant createdAt) {

  public NewMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(roomId, "roomId");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}

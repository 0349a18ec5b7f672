package dev.parley.application.port.out;

import dev.parley.domain.message.ChangeOutcome;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageChange;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.message.NewMessage;
import dev.parley.domain.room.RoomId;
import java.util.Optional;

/** Stores messages and assigns their per-room sequence. */
public interface MessageStorePort {
  /**
   * Appends a message, atomically assigning the room's next sequence (1, 2, 3 ...: unique, and
   * gap-free unless a write fails). Idempotent per (room, author, client message id): a repeat
   * returns {@link AppendResult.Replayed} with the original and stores nothing. A reply increments
   * its parent's reply count in the same step.
   */
  AppendResult append(NewMessage message);

  Optional<Message> find(RoomId roomId, MessageId messageId);

  /**
   * Applies a change atomically with {@link Message#apply}. Empty when there is no such message; a
   * rejected change stores nothing.
   */
  Optional<ChangeOutcome> change(RoomId roomId, MessageId messageId, MessageChange change);
}

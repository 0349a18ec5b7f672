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
   * gap-free unless a write fails or concurrent appends of one client message id race, when a
   * losing append may use up a sequence; history never waits for such a gap). Idempotent per (room,
   * author, client message id): a repeat returns {@link AppendResult.Replayed} with the original
   * and stores nothing. A reply increments its parent's reply count in the same step.
   *
   * <p>A draft with a client message id must have the id {@link MessageId#forClientMessage} of its
   * room, author and client message id (stores may refuse others with an {@link
   * IllegalArgumentException}): so every retry of a post names the same message.
   */
  AppendResult append(NewMessage message);

  Optional<Message> find(RoomId roomId, MessageId messageId);

  /**
   * Applies a change atomically with {@link Message#apply}. Empty when there is no such message; a
   * rejected change stores nothing.
   */
  Optional<ChangeOutcome> change(RoomId roomId, MessageId messageId, MessageChange change);
}

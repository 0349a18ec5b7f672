package dev.parley.application.port.out;

import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;

/** Answers questions about a room's sequence, for read state and resume. */
public interface RoomSequencePort {
  /** The highest sequence assigned in the room; 0 for a room without messages. */
  long lastSequence(RoomId roomId);

  /**
   * How many messages after {@code afterSequence} are unread for {@code reader}: not deleted and
   * not written by the reader.
   */
  long countUnread(RoomId roomId, long afterSequence, UserId reader);
}

package dev.parley.application.port.out;

import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;

/** Stores each member's read marker: the sequence of the last message they have read. */
public interface ReadStatePort {
  /** The marker, or 0 when the member has read nothing. */
  long lastRead(RoomId roomId, UserId userId);

  /**
   * Moves the marker forward to {@code sequence}, atomically and never backwards: concurrent calls
   * end at the highest. Returns the marker after the call.
   */
  long advance(RoomId roomId, UserId userId, long sequence);

  /** Sets the marker to {@code sequence}, backwards too: the explicit mark-unread. */
  void reset(RoomId roomId, UserId userId, long sequence);
}

package dev.parley.application.port.out;

import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** Answers questions about a room's sequence, for read state, resume and room lists. */
public interface RoomSequencePort {
  /** The highest sequence assigned in the room; 0 for a room without messages. */
  long lastSequence(RoomId roomId);

  /**
   * How many messages after {@code afterSequence} are unread for {@code reader}: not deleted and
   * not written by the reader.
   */
  long countUnread(RoomId roomId, long afterSequence, UserId reader);

  /**
   * When each room last had a message appended: the creation time of its latest message (replies
   * included; edits, deletions and replays do not count), at least to the millisecond. Rooms
   * without messages are absent from the map; never null. Meant for one user's rooms: stores may
   * read one row or item per room.
   */
  Map<RoomId, Instant> lastActivity(Collection<RoomId> roomIds);
}

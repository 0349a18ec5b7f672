package dev.parley.application.port.out;

import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.util.Collection;

/**
 * Which messages of a room mention which members, keyed by (room, user, sequence) so that a
 * member's mentions after their read marker are counted without reading messages.
 */
public interface MentionStorePort {
  /** Records that the message at {@code sequence} mentions each of {@code users}; idempotent. */
  void add(RoomId roomId, long sequence, Collection<UserId> users);

  /** Forgets those mentions (edited away, message deleted); idempotent, absent ones are ignored. */
  void remove(RoomId roomId, long sequence, Collection<UserId> users);

  /** How many messages after {@code afterSequence} mention {@code user}; 0 when none. */
  long countAfter(RoomId roomId, UserId user, long afterSequence);
}

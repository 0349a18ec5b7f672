package dev.parley.application.port.out;

import dev.parley.domain.message.Message;
import dev.parley.domain.room.RoomId;
import java.util.List;

/** Lists a room's threads, latest reply first, without reading its whole history. */
public interface ThreadListPort {
  /** A thread root (its reply count included) and the reply with the highest sequence. */
  record ThreadEntry(Message root, Message lastReply) {}

  /**
   * Up to {@code limit} threads of the room (roots with at least one reply) whose last reply has a
   * sequence below {@code beforeSequence}, latest last reply first; never null. Deleted roots and
   * replies appear as tombstones. Stores whose indexes are eventually consistent may lag a moment
   * behind the latest reply.
   */
  List<ThreadEntry> threads(RoomId roomId, long beforeSequence, int limit);
}

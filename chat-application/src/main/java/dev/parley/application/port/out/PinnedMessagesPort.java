package dev.parley.application.port.out;

import dev.parley.domain.message.Message;
import dev.parley.domain.room.RoomId;
import java.util.List;

/**
 * Lists a room's pinned messages without reading its whole history. A deleted message is never
 * pinned ({@link Message#apply} unpins it).
 */
public interface PinnedMessagesPort {
  /**
   * Up to {@code limit} pinned messages of the room with a sequence below {@code beforeSequence},
   * newest (highest sequence) first; never null. Follows {@link MessageStorePort#change} at once.
   */
  List<Message> pinned(RoomId roomId, long beforeSequence, int limit);
}

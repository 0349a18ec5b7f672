package dev.parley.application.port.out;

import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.room.RoomId;
import java.util.List;

/**
 * Reads a room's messages in sequence order. Deleted messages are included as tombstones, so the
 * order has no holes. Results are always in ascending sequence order.
 */
public interface MessageHistoryPort {
  /** The last {@code limit} messages with a sequence below {@code beforeSequence}. */
  List<Message> before(RoomId roomId, long beforeSequence, int limit);

  /** The first {@code limit} messages with a sequence above {@code afterSequence}. */
  List<Message> after(RoomId roomId, long afterSequence, int limit);

  /** The first {@code limit} replies to {@code parentId} with a sequence above {@code after}. */
  List<Message> replies(RoomId roomId, MessageId parentId, long afterSequence, int limit);
}

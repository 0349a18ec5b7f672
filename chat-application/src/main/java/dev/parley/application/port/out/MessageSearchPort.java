package dev.parley.application.port.out;

import dev.parley.application.error.SearchUnavailableException;
import dev.parley.domain.message.Message;
import dev.parley.domain.room.RoomId;
import java.util.List;

/**
 * Full-text search within one room. A store without a search index answers with {@link
 * SearchUnavailableException}; an external index (OpenSearch, for example) plugs in as another
 * adapter of this port.
 */
public interface MessageSearchPort {
  /**
   * The newest {@code limit} messages of the room with a sequence below {@code beforeSequence} that
   * contain every word of {@code terms} as a whole word, ignoring case, newest first. Deleted
   * messages never match. Adapters may understand more syntax (PostgreSQL: web-search syntax with
   * quotes, {@code or} and {@code -}); plain words mean the same everywhere. Never null.
   *
   * @throws SearchUnavailableException when this store has no search index
   */
  List<Message> search(RoomId roomId, String terms, long beforeSequence, int limit);
}

package dev.parley.adapter.postgres;

import dev.parley.application.port.out.MessageSearchPort;
import dev.parley.domain.message.Message;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Full-text search on the generated {@code search_vector} column and its GIN index (migration V7):
 * {@code websearch_to_tsquery} with the 'simple' configuration, so plain words must all occur, and
 * quotes, {@code or} and {@code -word} work as in a web search engine.
 */
@Singleton
public final class PostgresMessageSearchAdapter implements MessageSearchPort {
  private static final String SEARCH =
      "SELECT "
          + MessageRows.COLUMNS
          + " FROM messages WHERE room_id = ? AND seq < ? AND deleted_at IS NULL"
          + " AND search_vector @@ websearch_to_tsquery('simple', ?) ORDER BY seq DESC LIMIT ?";

  private final Jdbc jdbc;

  @Inject
  public PostgresMessageSearchAdapter(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public List<Message> search(RoomId roomId, String terms, long beforeSequence, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return jdbc.autocommit(
        "message search",
        c -> {
          try (PreparedStatement query = c.prepareStatement(SEARCH)) {
            query.setString(1, roomId.value());
            query.setLong(2, beforeSequence);
            query.setString(3, terms);
            query.setInt(4, limit);
            return MessageRows.list(query);
          }
        });
  }
}

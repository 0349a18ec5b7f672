package dev.parley.adapter.postgres;

import dev.parley.application.port.out.MessageHistoryPort;
import dev.parley.application.port.out.RoomSequencePort;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads a room's messages by keyset on the primary key (room_id, seq): every page is an index range
 * scan whose cost depends on the page size, not on the size of the room. Also answers the sequence
 * questions, which read the same key.
 */
@Singleton
public final class PostgresMessageHistoryAdapter implements MessageHistoryPort, RoomSequencePort {
  // Newest first to take the last `limit` rows from the index, then flipped to ascending.
  private static final String BEFORE =
      "SELECT * FROM (SELECT "
          + MessageRows.COLUMNS
          + " FROM messages WHERE room_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?) page"
          + " ORDER BY seq";
  private static final String AFTER =
      "SELECT "
          + MessageRows.COLUMNS
          + " FROM messages WHERE room_id = ? AND seq > ? ORDER BY seq LIMIT ?";
  private static final String REPLIES =
      "SELECT "
          + MessageRows.COLUMNS
          + " FROM messages WHERE room_id = ? AND parent_id = ? AND seq > ? ORDER BY seq LIMIT ?";
  private static final String LAST_SEQUENCE =
      "SELECT last_seq FROM room_sequences WHERE room_id = ?";
  // The latest message sits at last_seq (sequences are dense here), so each room is two primary-key
  // lookups and posts write nothing extra.
  private static final String LAST_ACTIVITY =
      "SELECT s.room_id, m.created_at FROM room_sequences s"
          + " JOIN messages m ON m.room_id = s.room_id AND m.seq = s.last_seq"
          + " WHERE s.room_id = ANY(?)";
  private static final String COUNT_UNREAD =
      "SELECT count(*) FROM messages WHERE room_id = ? AND seq > ? AND deleted_at IS NULL"
          + " AND author <> ?";

  private final Jdbc jdbc;

  @Inject
  public PostgresMessageHistoryAdapter(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public List<Message> before(RoomId roomId, long beforeSequence, int limit) {
    return page("history before", BEFORE, roomId, beforeSequence, limit);
  }

  @Override
  public List<Message> after(RoomId roomId, long afterSequence, int limit) {
    return page("history after", AFTER, roomId, afterSequence, limit);
  }

  private List<Message> page(String operation, String sql, RoomId roomId, long from, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return jdbc.autocommit(
        operation,
        c -> {
          try (PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, roomId.value());
            query.setLong(2, from);
            query.setInt(3, limit);
            return MessageRows.list(query);
          }
        });
  }

  @Override
  public List<Message> replies(RoomId roomId, MessageId parentId, long afterSequence, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return jdbc.autocommit(
        "thread replies",
        c -> {
          try (PreparedStatement query = c.prepareStatement(REPLIES)) {
            query.setString(1, roomId.value());
            query.setString(2, parentId.value());
            query.setLong(3, afterSequence);
            query.setInt(4, limit);
            return MessageRows.list(query);
          }
        });
  }

  @Override
  public long lastSequence(RoomId roomId) {
    return jdbc.autocommit(
        "last sequence",
        c -> {
          try (PreparedStatement query = c.prepareStatement(LAST_SEQUENCE)) {
            query.setString(1, roomId.value());
            try (ResultSet row = query.executeQuery()) {
              return row.next() ? row.getLong(1) : 0L;
            }
          }
        });
  }

  @Override
  public long countUnread(RoomId roomId, long afterSequence, UserId reader) {
    return jdbc.autocommit(
        "count unread",
        c -> {
          try (PreparedStatement query = c.prepareStatement(COUNT_UNREAD)) {
            query.setString(1, roomId.value());
            query.setLong(2, afterSequence);
            query.setString(3, reader.value());
            try (ResultSet row = query.executeQuery()) {
              row.next();
              return row.getLong(1);
            }
          }
        });
  }

  @Override
  public Map<RoomId, Instant> lastActivity(Collection<RoomId> roomIds) {
    if (roomIds.isEmpty()) {
      return Map.of();
    }
    return jdbc.autocommit(
        "last activity",
        c -> {
          try (PreparedStatement query = c.prepareStatement(LAST_ACTIVITY)) {
            query.setArray(
                1, c.createArrayOf("text", roomIds.stream().map(RoomId::value).toArray()));
            Map<RoomId, Instant> activity = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                activity.put(RoomId.of(rows.getString(1)), Rows.instant(rows, "created_at"));
              }
            }
            return activity;
          }
        });
  }
}

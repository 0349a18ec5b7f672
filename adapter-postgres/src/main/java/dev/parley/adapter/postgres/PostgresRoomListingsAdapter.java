package dev.parley.adapter.postgres;

import dev.parley.application.port.out.PinnedMessagesPort;
import dev.parley.application.port.out.ThreadListPort;
import dev.parley.domain.message.Message;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A room's pinned messages and threads, each page a range scan of a partial index (V3): {@code
 * messages_pinned} and {@code messages_threads}, whose key {@code last_reply_seq} the reply's post
 * keeps up to date.
 */
@Singleton
public final class PostgresRoomListingsAdapter implements PinnedMessagesPort, ThreadListPort {
  private static final String PINNED =
      "SELECT "
          + MessageRows.COLUMNS
          + " FROM messages WHERE room_id = ? AND pinned AND seq < ? ORDER BY seq DESC LIMIT ?";
  private static final String ROOTS =
      "SELECT "
          + MessageRows.COLUMNS
          + ", last_reply_seq FROM messages WHERE room_id = ? AND last_reply_seq IS NOT NULL"
          + " AND last_reply_seq < ? ORDER BY last_reply_seq DESC LIMIT ?";
  private static final String BY_SEQUENCE =
      "SELECT " + MessageRows.COLUMNS + " FROM messages WHERE room_id = ? AND seq = ANY(?)";

  private final Jdbc jdbc;

  @Inject
  public PostgresRoomListingsAdapter(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public List<Message> pinned(RoomId roomId, long beforeSequence, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return jdbc.autocommit(
        "pinned messages",
        c -> {
          try (PreparedStatement query = c.prepareStatement(PINNED)) {
            query.setString(1, roomId.value());
            query.setLong(2, beforeSequence);
            query.setInt(3, limit);
            return MessageRows.list(query);
          }
        });
  }

  @Override
  public List<ThreadEntry> threads(RoomId roomId, long beforeSequence, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return jdbc.autocommit("threads", c -> threads(c, roomId, beforeSequence, limit));
  }

  private static List<ThreadEntry> threads(
      Connection connection, RoomId roomId, long beforeSequence, int limit) throws SQLException {
    List<Message> roots = new ArrayList<>();
    List<Long> lastSequences = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(ROOTS)) {
      query.setString(1, roomId.value());
      query.setLong(2, beforeSequence);
      query.setInt(3, limit);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          roots.add(MessageRows.read(rows));
          lastSequences.add(rows.getLong("last_reply_seq"));
        }
      }
    }
    if (roots.isEmpty()) {
      return List.of();
    }
    // The last replies in one more statement, by primary key.
    Map<Long, Message> replies = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement(BY_SEQUENCE)) {
      query.setString(1, roomId.value());
      query.setArray(2, connection.createArrayOf("bigint", lastSequences.toArray()));
      for (Message reply : MessageRows.list(query)) {
        replies.put(reply.sequence(), reply);
      }
    }
    List<ThreadEntry> threads = new ArrayList<>(roots.size());
    for (int i = 0; i < roots.size(); i++) {
      Message lastReply = replies.get(lastSequences.get(i));
      if (lastReply != null) {
        threads.add(new ThreadEntry(roots.get(i), lastReply));
      }
    }
    return threads;
  }
}

package dev.parley.adapter.postgres;

import dev.parley.application.port.out.ReactionStorePort;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.reaction.Emoji;
import dev.parley.domain.reaction.Reaction;
import dev.parley.domain.reaction.ReactionOutcome;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reactions in PostgreSQL. Each write takes a transaction-scoped advisory lock on the message, so
 * the check against {@link Reaction#MAX_DISTINCT_PER_MESSAGE} and the write are one step even
 * across nodes (a row lock cannot guard an emoji that does not exist yet). Emoji keep their
 * first-use order in {@code reaction_emoji}; the row goes when its last user leaves.
 */
@Singleton
public final class PostgresReactionStoreAdapter implements ReactionStorePort {
  private static final String LOCK =
      "SELECT pg_advisory_xact_lock(hashtextextended(? || '/' || ?, 0))";
  private static final String EMOJI_EXISTS =
      "SELECT 1 FROM reaction_emoji WHERE room_id = ? AND message_id = ? AND emoji = ?";
  private static final String COUNT_EMOJI =
      "SELECT count(*) FROM reaction_emoji WHERE room_id = ? AND message_id = ?";
  private static final String INSERT_EMOJI =
      "INSERT INTO reaction_emoji (room_id, message_id, emoji) VALUES (?, ?, ?)";
  private static final String INSERT_USER =
      "INSERT INTO reaction_users (room_id, message_id, emoji, user_id) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT DO NOTHING";
  private static final String DELETE_USER =
      "DELETE FROM reaction_users WHERE room_id = ? AND message_id = ? AND emoji = ?"
          + " AND user_id = ?";
  private static final String DELETE_UNUSED_EMOJI =
      "DELETE FROM reaction_emoji e WHERE room_id = ? AND message_id = ? AND emoji = ?"
          + " AND NOT EXISTS (SELECT 1 FROM reaction_users u WHERE u.room_id = e.room_id"
          + " AND u.message_id = e.message_id AND u.emoji = e.emoji)";
  private static final String REACTIONS_OF =
      "SELECT e.message_id, e.emoji, u.user_id FROM reaction_emoji e"
          + " JOIN reaction_users u USING (room_id, message_id, emoji)"
          + " WHERE e.room_id = ? AND e.message_id = ANY (?)"
          + " ORDER BY e.message_id, e.first_use, u.reacted";

  private final Jdbc jdbc;

  @Inject
  public PostgresReactionStoreAdapter(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public ReactionOutcome add(RoomId roomId, MessageId messageId, Emoji emoji, UserId userId) {
    return jdbc.transaction(
        "add reaction",
        c -> {
          lock(c, roomId, messageId);
          if (!exists(c, EMOJI_EXISTS, roomId, messageId, emoji)) {
            if (count(c, roomId, messageId) >= Reaction.MAX_DISTINCT_PER_MESSAGE) {
              return ReactionOutcome.LIMIT_REACHED;
            }
            update(c, INSERT_EMOJI, roomId, messageId, emoji, null);
          }
          return update(c, INSERT_USER, roomId, messageId, emoji, userId) == 1
              ? ReactionOutcome.ADDED
              : ReactionOutcome.UNCHANGED;
        });
  }

  @Override
  public ReactionOutcome remove(RoomId roomId, MessageId messageId, Emoji emoji, UserId userId) {
    return jdbc.transaction(
        "remove reaction",
        c -> {
          lock(c, roomId, messageId);
          if (update(c, DELETE_USER, roomId, messageId, emoji, userId) == 0) {
            return ReactionOutcome.UNCHANGED;
          }
          update(c, DELETE_UNUSED_EMOJI, roomId, messageId, emoji, null);
          return ReactionOutcome.REMOVED;
        });
  }

  @Override
  public Map<MessageId, List<Reaction>> reactionsOf(
      RoomId roomId, Collection<MessageId> messageIds) {
    if (messageIds.isEmpty()) {
      return Map.of();
    }
    return jdbc.autocommit(
        "list reactions",
        c -> {
          try (PreparedStatement query = c.prepareStatement(REACTIONS_OF)) {
            query.setString(1, roomId.value());
            query.setArray(
                2, c.createArrayOf("text", messageIds.stream().map(MessageId::value).toArray()));
            return group(query);
          }
        });
  }

  private static Map<MessageId, List<Reaction>> group(PreparedStatement query) throws SQLException {
    Map<MessageId, Map<String, List<UserId>>> byMessage = new LinkedHashMap<>();
    try (ResultSet row = query.executeQuery()) {
      while (row.next()) {
        byMessage
            .computeIfAbsent(MessageId.of(row.getString(1)), id -> new LinkedHashMap<>())
            .computeIfAbsent(row.getString(2), emoji -> new ArrayList<>())
            .add(UserId.of(row.getString(3)));
      }
    }
    Map<MessageId, List<Reaction>> result = new HashMap<>();
    byMessage.forEach(
        (id, emoji) -> {
          List<Reaction> reactions = new ArrayList<>(emoji.size());
          emoji.forEach((value, users) -> reactions.add(new Reaction(Emoji.of(value), users)));
          result.put(id, List.copyOf(reactions));
        });
    return result;
  }

  private static void lock(Connection c, RoomId roomId, MessageId messageId) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement(LOCK)) {
      lock.setString(1, roomId.value());
      lock.setString(2, messageId.value());
      lock.execute();
    }
  }

  private static boolean exists(
      Connection c, String sql, RoomId roomId, MessageId messageId, Emoji emoji)
      throws SQLException {
    try (PreparedStatement query = c.prepareStatement(sql)) {
      query.setString(1, roomId.value());
      query.setString(2, messageId.value());
      query.setString(3, emoji.value());
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    }
  }

  private static long count(Connection c, RoomId roomId, MessageId messageId) throws SQLException {
    try (PreparedStatement query = c.prepareStatement(COUNT_EMOJI)) {
      query.setString(1, roomId.value());
      query.setString(2, messageId.value());
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static int update(
      Connection c, String sql, RoomId roomId, MessageId messageId, Emoji emoji, UserId userId)
      throws SQLException {
    try (PreparedStatement update = c.prepareStatement(sql)) {
      update.setString(1, roomId.value());
      update.setString(2, messageId.value());
      update.setString(3, emoji.value());
      if (userId != null) {
        update.setString(4, userId.value());
      }
      return update.executeUpdate();
    }
  }
}

package dev.parley.adapter.postgres;

import dev.parley.application.port.out.TypingPort;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Typing notices in PostgreSQL. Expired rows are ignored by every read and deleted by {@link
 * #purgeExpired}, which the caller schedules; the hot path never deletes, so concurrent typers in
 * one room never contend on each other's rows.
 */
@Singleton
public final class PostgresTypingAdapter implements TypingPort {
  private static final String START =
      "INSERT INTO typing (room_id, user_id, expires_at) VALUES (?, ?, ?)"
          + " ON CONFLICT (room_id, user_id) DO UPDATE SET expires_at = excluded.expires_at";
  private static final String STOP = "DELETE FROM typing WHERE room_id = ? AND user_id = ?";
  private static final String TYPERS =
      "SELECT user_id FROM typing WHERE room_id = ? AND expires_at > ? ORDER BY user_id";
  private static final String PURGE = "DELETE FROM typing WHERE expires_at <= ?";

  private final Jdbc jdbc;

  @Inject
  public PostgresTypingAdapter(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public List<UserId> startTyping(RoomId roomId, UserId userId, Instant expiresAt, Instant now) {
    return jdbc.autocommit(
        "start typing",
        c -> {
          write(c, START, roomId, userId, expiresAt);
          return typers(c, roomId, now);
        });
  }

  @Override
  public List<UserId> stopTyping(RoomId roomId, UserId userId, Instant now) {
    return jdbc.autocommit(
        "stop typing",
        c -> {
          write(c, STOP, roomId, userId, null);
          return typers(c, roomId, now);
        });
  }

  /** Deletes every notice expired at {@code now}; returns how many. */
  public int purgeExpired(Instant now) {
    return jdbc.autocommit(
        "purge typing",
        c -> {
          try (PreparedStatement delete = c.prepareStatement(PURGE)) {
            Rows.setInstant(delete, 1, now);
            return delete.executeUpdate();
          }
        });
  }

  private static void write(
      Connection connection, String sql, RoomId roomId, UserId userId, Instant expiresAt)
      throws SQLException {
    try (PreparedStatement write = connection.prepareStatement(sql)) {
      write.setString(1, roomId.value());
      write.setString(2, userId.value());
      if (expiresAt != null) {
        Rows.setInstant(write, 3, expiresAt);
      }
      write.executeUpdate();
    }
  }

  private static List<UserId> typers(Connection connection, RoomId roomId, Instant now)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(TYPERS)) {
      query.setString(1, roomId.value());
      Rows.setInstant(query, 2, now);
      try (ResultSet row = query.executeQuery()) {
        List<UserId> typers = new ArrayList<>();
        while (row.next()) {
          typers.add(UserId.of(row.getString(1)));
        }
        return typers;
      }
    }
  }
}

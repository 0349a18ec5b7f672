package dev.parley.adapter.postgres;

import dev.parley.application.port.out.MentionStorePort;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import javax.sql.DataSource;

/**
 * Mentions in PostgreSQL, one row per (room, user, sequence): adding is an insert that ignores
 * duplicates, counting is a range count on the primary key.
 */
@Singleton
public final class PostgresMentionStoreAdapter implements MentionStorePort {
  private static final String ADD =
      "INSERT INTO mentions (room_id, user_id, sequence) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
  private static final String REMOVE =
      "DELETE FROM mentions WHERE room_id = ? AND user_id = ? AND sequence = ?";
  private static final String COUNT =
      "SELECT count(*) FROM mentions WHERE room_id = ? AND user_id = ? AND sequence > ?";

  private final Jdbc jdbc;

  @Inject
  public PostgresMentionStoreAdapter(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public void add(RoomId roomId, long sequence, Collection<UserId> users) {
    batch("add mentions", ADD, roomId, sequence, users);
  }

  @Override
  public void remove(RoomId roomId, long sequence, Collection<UserId> users) {
    batch("remove mentions", REMOVE, roomId, sequence, users);
  }

  @Override
  public long countAfter(RoomId roomId, UserId user, long afterSequence) {
    return jdbc.autocommit(
        "count mentions",
        c -> {
          try (PreparedStatement query = c.prepareStatement(COUNT)) {
            query.setString(1, roomId.value());
            query.setString(2, user.value());
            query.setLong(3, afterSequence);
            try (ResultSet row = query.executeQuery()) {
              row.next();
              return row.getLong(1);
            }
          }
        });
  }

  private void batch(
      String operation, String sql, RoomId roomId, long sequence, Collection<UserId> users) {
    if (users.isEmpty()) {
      return;
    }
    jdbc.autocommit(
        operation,
        c -> {
          try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (UserId user : users) {
              statement.setString(1, roomId.value());
              statement.setString(2, user.value());
              statement.setLong(3, sequence);
              statement.addBatch();
            }
            return statement.executeBatch().length;
          }
        });
  }
}

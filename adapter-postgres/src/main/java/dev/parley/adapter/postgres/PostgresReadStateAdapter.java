package dev.parley.adapter.postgres;

import dev.parley.application.port.out.ReadStatePort;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;

/**
 * Read markers in PostgreSQL. {@link #advance} is one upsert with GREATEST, so concurrent advances
 * serialise on the row and end at the highest without a read-modify-write race.
 */
@Singleton
public final class PostgresReadStateAdapter implements ReadStatePort {
  private static final String LAST_READ =
      "SELECT last_read FROM read_state WHERE room_id = ? AND user_id = ?";
  private static final String ADVANCE =
      "INSERT INTO read_state AS r (room_id, user_id, last_read) VALUES (?, ?, ?)"
          + " ON CONFLICT (room_id, user_id)"
          + " DO UPDATE SET last_read = GREATEST(r.last_read, excluded.last_read)"
          + " RETURNING last_read";
  private static final String RESET =
      "INSERT INTO read_state (room_id, user_id, last_read) VALUES (?, ?, ?)"
          + " ON CONFLICT (room_id, user_id) DO UPDATE SET last_read = excluded.last_read";

  private final Jdbc jdbc;

  @Inject
  public PostgresReadStateAdapter(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public long lastRead(RoomId roomId, UserId userId) {
    return jdbc.autocommit(
        "last read",
        c -> {
          try (PreparedStatement query = c.prepareStatement(LAST_READ)) {
            query.setString(1, roomId.value());
            query.setString(2, userId.value());
            try (ResultSet row = query.executeQuery()) {
              return row.next() ? row.getLong(1) : 0L;
            }
          }
        });
  }

  @Override
  public long advance(RoomId roomId, UserId userId, long sequence) {
    return jdbc.autocommit(
        "advance read marker",
        c -> {
          try (PreparedStatement upsert = c.prepareStatement(ADVANCE)) {
            upsert.setString(1, roomId.value());
            upsert.setString(2, userId.value());
            upsert.setLong(3, requireNotNegative(sequence));
            try (ResultSet row = upsert.executeQuery()) {
              row.next();
              return row.getLong(1);
            }
          }
        });
  }

  @Override
  public void reset(RoomId roomId, UserId userId, long sequence) {
    jdbc.autocommit(
        "reset read marker",
        c -> {
          try (PreparedStatement upsert = c.prepareStatement(RESET)) {
            upsert.setString(1, roomId.value());
            upsert.setString(2, userId.value());
            upsert.setLong(3, requireNotNegative(sequence));
            return upsert.executeUpdate();
          }
        });
  }

  private static long requireNotNegative(long sequence) {
    if (sequence < 0) {
      throw new IllegalArgumentException("a read marker is 0 or a sequence, was " + sequence);
    }
    return sequence;
  }
}

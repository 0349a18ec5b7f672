package dev.parley.adapter.postgres;

import dev.parley.application.port.out.RoomStorePort;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Rooms in PostgreSQL. The unique index on the direct pair makes {@link #saveDirectIfAbsent} atomic
 * across nodes: of concurrent inserts for one pair, one wins and the others read it back.
 */
@Singleton
public final class PostgresRoomStoreAdapter implements RoomStorePort {
  private static final String FIND = "SELECT " + RoomRows.COLUMNS + " FROM rooms WHERE id = ?";
  private static final String FIND_DIRECT =
      "SELECT " + RoomRows.COLUMNS + " FROM rooms WHERE direct_first = ? AND direct_second = ?";
  private static final String UPSERT =
      "INSERT INTO rooms ("
          + RoomRows.COLUMNS
          + ") VALUES ("
          + RoomRows.PLACEHOLDERS
          + ") ON CONFLICT (id) DO UPDATE SET name = excluded.name, topic = excluded.topic,"
          + " type = excluded.type, created_by = excluded.created_by,"
          + " created_at = excluded.created_at, archived = excluded.archived,"
          + " max_message_length = excluded.max_message_length,"
          + " slow_mode_seconds = excluded.slow_mode_seconds,"
          + " presence_events = excluded.presence_events, typing_events = excluded.typing_events,"
          + " permission_overrides = excluded.permission_overrides,"
          + " direct_first = excluded.direct_first, direct_second = excluded.direct_second,"
          + " directory_key = excluded.directory_key";
  private static final String INSERT_DIRECT =
      "INSERT INTO rooms ("
          + RoomRows.COLUMNS
          + ") VALUES ("
          + RoomRows.PLACEHOLDERS
          + ") ON CONFLICT (direct_first, direct_second) DO NOTHING";

  private final Jdbc jdbc;

  @Inject
  public PostgresRoomStoreAdapter(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public Optional<Room> find(RoomId id) {
    return jdbc.autocommit(
        "find room",
        c -> {
          try (PreparedStatement find = c.prepareStatement(FIND)) {
            find.setString(1, id.value());
            return first(find);
          }
        });
  }

  @Override
  public void save(Room room) {
    jdbc.autocommit(
        "save room",
        c -> {
          try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
            RoomRows.bind(upsert, room);
            return upsert.executeUpdate();
          }
        });
  }

  @Override
  public Room saveDirectIfAbsent(Room direct) {
    if (direct.directKey() == null) {
      throw new IllegalArgumentException("not a direct room: " + direct.id());
    }
    // Autocommit is enough: when the insert loses, the winner has committed (the unique index
    // waits for it), so the following statement sees it.
    return jdbc.autocommit(
        "save direct room",
        c -> {
          try (PreparedStatement insert = c.prepareStatement(INSERT_DIRECT)) {
            RoomRows.bind(insert, direct);
            if (insert.executeUpdate() == 1) {
              return direct;
            }
          }
          return findDirect(c, direct);
        });
  }

  private static Room findDirect(Connection connection, Room direct) throws SQLException {
    try (PreparedStatement find = connection.prepareStatement(FIND_DIRECT)) {
      find.setString(1, direct.directKey().first().value());
      find.setString(2, direct.directKey().second().value());
      return first(find)
          .orElseThrow(() -> new IllegalStateException("direct room vanished: " + direct.id()));
    }
  }

  private static Optional<Room> first(PreparedStatement query) throws SQLException {
    try (ResultSet row = query.executeQuery()) {
      return row.next() ? Optional.of(RoomRows.read(row)) : Optional.empty();
    }
  }
}

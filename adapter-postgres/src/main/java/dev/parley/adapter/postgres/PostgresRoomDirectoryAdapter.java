package dev.parley.adapter.postgres;

import dev.parley.application.port.out.RoomDirectoryPort;
import dev.parley.domain.room.Room;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The public room directory: a range scan of the partial index {@code rooms_directory
 * (directory_key, id)} (V3), whose key {@link RoomRows#bind} writes with every room.
 */
@Singleton
public final class PostgresRoomDirectoryAdapter implements RoomDirectoryPort {
  // '' and '' stand for "from the start": they sort before every key and id in "C" order.
  private static final String PAGE =
      "SELECT "
          + RoomRows.COLUMNS
          + " FROM rooms WHERE type = 'PUBLIC' AND NOT archived"
          + " AND directory_key LIKE ? ESCAPE '\\' AND (directory_key, id) > (?, ?)"
          + " ORDER BY directory_key, id LIMIT ?";

  private final Jdbc jdbc;

  @Inject
  public PostgresRoomDirectoryAdapter(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public List<Room> publicRooms(String keyPrefix, Position after, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return jdbc.autocommit(
        "public rooms",
        c -> {
          try (PreparedStatement query = c.prepareStatement(PAGE)) {
            query.setString(1, likePrefix(keyPrefix));
            query.setString(2, after == null ? "" : after.key());
            query.setString(3, after == null ? "" : after.roomId().value());
            query.setInt(4, limit);
            List<Room> rooms = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                rooms.add(RoomRows.read(rows));
              }
            }
            return rooms;
          }
        });
  }

  private static String likePrefix(String prefix) {
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + '%';
  }
}

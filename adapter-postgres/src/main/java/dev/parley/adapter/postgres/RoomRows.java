package dev.parley.adapter.postgres;

import dev.parley.application.port.out.RoomDirectoryPort;
import dev.parley.domain.access.Action;
import dev.parley.domain.access.Role;
import dev.parley.domain.access.RolePermissions;
import dev.parley.domain.room.DirectKey;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.room.RoomSettings;
import dev.parley.domain.room.RoomType;
import dev.parley.domain.user.UserId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The columns of a room row and their mapping to {@link Room}. */
final class RoomRows {
  static final String COLUMNS =
      "id, name, topic, type, created_by, created_at, archived, max_message_length,"
          + " slow_mode_seconds, presence_events, typing_events, permission_overrides,"
          + " direct_first, direct_second, directory_key";

  /** As many placeholders as {@link #COLUMNS}. */
  static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

  private RoomRows() {}

  /** Binds every column of {@code room} from parameter 1 on, in {@link #COLUMNS} order. */
  static void bind(PreparedStatement statement, Room room) throws SQLException {
    RoomSettings settings = room.settings();
    statement.setString(1, room.id().value());
    statement.setString(2, room.name());
    statement.setString(3, room.topic());
    statement.setString(4, room.type().name());
    statement.setString(5, room.createdBy().value());
    Rows.setInstant(statement, 6, room.createdAt());
    statement.setBoolean(7, room.archived());
    statement.setInt(8, settings.maxMessageLength());
    statement.setInt(9, settings.slowModeSeconds());
    statement.setBoolean(10, settings.presenceEvents());
    statement.setBoolean(11, settings.typingEvents());
    statement.setString(12, encode(room.permissions()));
    DirectKey key = room.directKey();
    Rows.setNullableText(statement, 13, key == null ? null : key.first().value());
    Rows.setNullableText(statement, 14, key == null ? null : key.second().value());
    // Written for every room (the directory index is partial on type and archived), computed here
    // so that it lower-cases exactly as the other stores do, whatever the database's locale.
    statement.setString(15, RoomDirectoryPort.key(room.name()));
  }

  static Room read(ResultSet row) throws SQLException {
    String first = row.getString("direct_first");
    return new Room(
        RoomId.of(row.getString("id")),
        row.getString("name"),
        row.getString("topic"),
        RoomType.valueOf(row.getString("type")),
        UserId.of(row.getString("created_by")),
        Rows.instant(row, "created_at"),
        row.getBoolean("archived"),
        new RoomSettings(
            row.getInt("max_message_length"),
            row.getInt("slow_mode_seconds"),
            row.getBoolean("presence_events"),
            row.getBoolean("typing_events")),
        decode(row.getString("permission_overrides")),
        first == null
            ? null
            : new DirectKey(UserId.of(first), UserId.of(row.getString("direct_second"))));
  }

  /** "KICK=ADMIN,PIN=MEMBER": enum names never contain '=' or ','. */
  static String encode(RolePermissions permissions) {
    return permissions.overrides().entrySet().stream()
        .map(entry -> entry.getKey().name() + "=" + entry.getValue().name())
        .collect(Collectors.joining(","));
  }

  static RolePermissions decode(String encoded) {
    if (encoded.isEmpty()) {
      return RolePermissions.DEFAULTS;
    }
    Map<Action, Role> overrides = new EnumMap<>(Action.class);
    for (String pair : encoded.split(",")) {
      int eq = pair.indexOf('=');
      overrides.put(Action.valueOf(pair.substring(0, eq)), Role.valueOf(pair.substring(eq + 1)));
    }
    return RolePermissions.withOverrides(overrides);
  }
}

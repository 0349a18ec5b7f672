package dev.parley.adapter.postgres;

import dev.parley.application.port.out.MemberListPort;
import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.domain.access.Role;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Memberships in PostgreSQL, listed both ways by keyset: a room's members on the primary key
 * (room_id, user_id), a user's rooms on the index (user_id, room_id).
 */
@Singleton
public final class PostgresMembershipAdapter implements MembershipStorePort, MemberListPort {
  private static final String COLUMNS = "room_id, user_id, role, joined_at, muted_until";
  private static final String FIND =
      "SELECT " + COLUMNS + " FROM memberships WHERE room_id = ? AND user_id = ?";
  private static final String UPSERT =
      "INSERT INTO memberships ("
          + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT (room_id, user_id) DO UPDATE"
          + " SET role = excluded.role, joined_at = excluded.joined_at,"
          + " muted_until = excluded.muted_until";
  private static final String DELETE = "DELETE FROM memberships WHERE room_id = ? AND user_id = ?";
  // An empty string sorts before every id in "C" order, so it stands for "from the start".
  private static final String MEMBERS =
      "SELECT "
          + COLUMNS
          + " FROM memberships WHERE room_id = ? AND user_id > ? ORDER BY user_id LIMIT ?";
  private static final String ROOMS_OF =
      "SELECT "
          + COLUMNS
          + " FROM memberships WHERE user_id = ? AND room_id > ? ORDER BY room_id LIMIT ?";
  private static final String COUNT_WITH_ROLE =
      "SELECT count(*) FROM memberships WHERE room_id = ? AND role = ?";

  private final Jdbc jdbc;

  @Inject
  public PostgresMembershipAdapter(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public Optional<Membership> find(RoomId roomId, UserId userId) {
    return jdbc.autocommit(
        "find membership",
        c -> {
          try (PreparedStatement find = c.prepareStatement(FIND)) {
            find.setString(1, roomId.value());
            find.setString(2, userId.value());
            return list(find).stream().findFirst();
          }
        });
  }

  @Override
  public void save(Membership membership) {
    jdbc.autocommit(
        "save membership",
        c -> {
          try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
            upsert.setString(1, membership.roomId().value());
            upsert.setString(2, membership.userId().value());
            upsert.setString(3, membership.role().name());
            Rows.setInstant(upsert, 4, membership.joinedAt());
            Rows.setInstant(upsert, 5, membership.mutedUntil());
            return upsert.executeUpdate();
          }
        });
  }

  @Override
  public boolean remove(RoomId roomId, UserId userId) {
    return jdbc.autocommit(
        "remove membership",
        c -> {
          try (PreparedStatement delete = c.prepareStatement(DELETE)) {
            delete.setString(1, roomId.value());
            delete.setString(2, userId.value());
            return delete.executeUpdate() == 1;
          }
        });
  }

  @Override
  public List<Membership> members(RoomId roomId, UserId afterUserId, int limit) {
    return page(
        "list members",
        MEMBERS,
        roomId.value(),
        afterUserId == null ? "" : afterUserId.value(),
        limit);
  }

  @Override
  public List<Membership> roomsOf(UserId userId, RoomId afterRoomId, int limit) {
    return page(
        "list rooms of user",
        ROOMS_OF,
        userId.value(),
        afterRoomId == null ? "" : afterRoomId.value(),
        limit);
  }

  private List<Membership> page(String operation, String sql, String key, String after, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return jdbc.autocommit(
        operation,
        c -> {
          try (PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, key);
            query.setString(2, after);
            query.setInt(3, limit);
            return list(query);
          }
        });
  }

  @Override
  public long countWithRole(RoomId roomId, Role role) {
    return jdbc.autocommit(
        "count role",
        c -> {
          try (PreparedStatement count = c.prepareStatement(COUNT_WITH_ROLE)) {
            count.setString(1, roomId.value());
            count.setString(2, role.name());
            try (ResultSet row = count.executeQuery()) {
              row.next();
              return row.getLong(1);
            }
          }
        });
  }

  private static List<Membership> list(PreparedStatement query) throws SQLException {
    try (ResultSet row = query.executeQuery()) {
      List<Membership> memberships = new ArrayList<>();
      while (row.next()) {
        memberships.add(
            new Membership(
                RoomId.of(row.getString("room_id")),
                UserId.of(row.getString("user_id")),
                Role.valueOf(row.getString("role")),
                Rows.instant(row, "joined_at"),
                Rows.instant(row, "muted_until")));
      }
      return memberships;
    }
  }
}

package dev.parley.adapter.postgres;

import dev.parley.application.port.out.MemberListPort;
import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.application.port.out.OwnerStepDownPort;
import dev.parley.application.port.out.StepDown;
import dev.parley.domain.access.Role;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Memberships in PostgreSQL, listed both ways by keyset: a room's members on the primary key
 * (room_id, user_id), a user's rooms on the index (user_id, room_id). A guarded write of {@link
 * OwnerStepDownPort} first locks the room's owner rows (in key order, so two of them cannot
 * deadlock), then the member's own row, and decides on what it locked: an owner stepping down
 * concurrently waits for this transaction and then no longer counts this member as an owner.
 */
@Singleton
public final class PostgresMembershipAdapter
    implements MembershipStorePort, MemberListPort, OwnerStepDownPort {
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

  private static final String LOCK_OWNERS =
      "SELECT user_id FROM memberships WHERE room_id = ? AND role = 'OWNER'"
          + " ORDER BY user_id FOR UPDATE";
  private static final String LOCK_MEMBER =
      "SELECT role FROM memberships WHERE room_id = ? AND user_id = ? FOR UPDATE";

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
            bind(upsert, membership);
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
  public StepDown saveUnlessLastOwner(Membership membership) {
    return jdbc.transaction(
        "save membership unless last owner",
        c -> {
          if (membership.role() != Role.OWNER
              && isLastOwner(c, membership.roomId(), membership.userId())) {
            return new StepDown.LastOwner();
          }
          try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
            bind(upsert, membership);
            upsert.executeUpdate();
          }
          return new StepDown.Applied();
        });
  }

  @Override
  public StepDown removeUnlessLastOwner(RoomId roomId, UserId userId) {
    return jdbc.transaction(
        "remove membership unless last owner",
        c -> {
          if (isLastOwner(c, roomId, userId)) {
            return new StepDown.LastOwner();
          }
          try (PreparedStatement delete = c.prepareStatement(DELETE)) {
            delete.setString(1, roomId.value());
            delete.setString(2, userId.value());
            delete.executeUpdate();
          }
          return new StepDown.Applied();
        });
  }

  /** Locks the room's owners, then the member; must run inside a transaction. */
  private static boolean isLastOwner(Connection c, RoomId roomId, UserId userId)
      throws SQLException {
    Set<String> owners = new HashSet<>();
    try (PreparedStatement lock = c.prepareStatement(LOCK_OWNERS)) {
      lock.setString(1, roomId.value());
      try (ResultSet row = lock.executeQuery()) {
        while (row.next()) {
          owners.add(row.getString(1));
        }
      }
    }
    try (PreparedStatement lock = c.prepareStatement(LOCK_MEMBER)) {
      lock.setString(1, roomId.value());
      lock.setString(2, userId.value());
      try (ResultSet row = lock.executeQuery()) {
        if (!row.next() || !Role.OWNER.name().equals(row.getString(1))) {
          return false;
        }
      }
    }
    // Every row in the set is locked and still an owner; the member may have become one after
    // the set was read, so it is counted apart.
    owners.remove(userId.value());
    return owners.isEmpty();
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

  private static void bind(PreparedStatement upsert, Membership membership) throws SQLException {
    upsert.setString(1, membership.roomId().value());
    upsert.setString(2, membership.userId().value());
    upsert.setString(3, membership.role().name());
    Rows.setInstant(upsert, 4, membership.joinedAt());
    Rows.setInstant(upsert, 5, membership.mutedUntil());
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

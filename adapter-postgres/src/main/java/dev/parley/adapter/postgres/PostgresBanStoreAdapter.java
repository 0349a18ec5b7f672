package dev.parley.adapter.postgres;

import dev.parley.application.port.out.BanListPort;
import dev.parley.application.port.out.BanStorePort;
import dev.parley.domain.member.Ban;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Bans in PostgreSQL, keyed by (room, user). Expired bans stay until lifted, as the port allows.
 */
@Singleton
public final class PostgresBanStoreAdapter implements BanStorePort, BanListPort {
  private static final String FIND =
      "SELECT room_id, user_id, banned_by, banned_at, expires_at, reason FROM bans"
          + " WHERE room_id = ? AND user_id = ?";
  private static final String UPSERT =
      "INSERT INTO bans (room_id, user_id, banned_by, banned_at, expires_at, reason)"
          + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (room_id, user_id) DO UPDATE"
          + " SET banned_by = excluded.banned_by, banned_at = excluded.banned_at,"
          + " expires_at = excluded.expires_at, reason = excluded.reason";
  // An empty string sorts before every id in "C" order, so it stands for "from the start".
  private static final String LIST =
      "SELECT room_id, user_id, banned_by, banned_at, expires_at, reason FROM bans"
          + " WHERE room_id = ? AND user_id > ? AND (expires_at IS NULL OR expires_at > ?)"
          + " ORDER BY user_id LIMIT ?";
  private static final String DELETE = "DELETE FROM bans WHERE room_id = ? AND user_id = ?";

  private final Jdbc jdbc;

  @Inject
  public PostgresBanStoreAdapter(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public Optional<Ban> find(RoomId roomId, UserId userId) {
    return jdbc.autocommit(
        "find ban",
        c -> {
          try (PreparedStatement find = c.prepareStatement(FIND)) {
            find.setString(1, roomId.value());
            find.setString(2, userId.value());
            try (ResultSet row = find.executeQuery()) {
              if (!row.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new Ban(
                      roomId,
                      userId,
                      UserId.of(row.getString("banned_by")),
                      Rows.instant(row, "banned_at"),
                      Rows.instant(row, "expires_at"),
                      row.getString("reason")));
            }
          }
        });
  }

  @Override
  public void save(Ban ban) {
    jdbc.autocommit(
        "save ban",
        c -> {
          try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
            upsert.setString(1, ban.roomId().value());
            upsert.setString(2, ban.userId().value());
            upsert.setString(3, ban.bannedBy().value());
            Rows.setInstant(upsert, 4, ban.bannedAt());
            Rows.setInstant(upsert, 5, ban.expiresAt());
            upsert.setString(6, ban.reason());
            return upsert.executeUpdate();
          }
        });
  }

  @Override
  public boolean remove(RoomId roomId, UserId userId) {
    return jdbc.autocommit(
        "remove ban",
        c -> {
          try (PreparedStatement delete = c.prepareStatement(DELETE)) {
            delete.setString(1, roomId.value());
            delete.setString(2, userId.value());
            return delete.executeUpdate() == 1;
          }
        });
  }

  /** A range scan of the primary key; expired bans are filtered on the way. */
  @Override
  public List<Ban> bans(RoomId roomId, UserId afterUserId, Instant now, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return jdbc.autocommit(
        "list bans",
        c -> {
          try (PreparedStatement query = c.prepareStatement(LIST)) {
            query.setString(1, roomId.value());
            query.setString(2, afterUserId == null ? "" : afterUserId.value());
            Rows.setInstant(query, 3, now);
            query.setInt(4, limit);
            List<Ban> bans = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
              while (row.next()) {
                bans.add(
                    new Ban(
                        roomId,
                        UserId.of(row.getString("user_id")),
                        UserId.of(row.getString("banned_by")),
                        Rows.instant(row, "banned_at"),
                        Rows.instant(row, "expires_at"),
                        row.getString("reason")));
              }
            }
            return bans;
          }
        });
  }
}

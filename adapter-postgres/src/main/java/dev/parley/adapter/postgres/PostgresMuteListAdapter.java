package dev.parley.adapter.postgres;

import dev.parley.application.port.out.MuteListPort;
import dev.parley.domain.access.Role;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** A room's muted members: a range scan of the partial index {@code memberships_muted} (V3). */
@Singleton
public final class PostgresMuteListAdapter implements MuteListPort {
  // An empty string sorts before every id in "C" order, so it stands for "from the start".
  private static final String MUTES =
      "SELECT room_id, user_id, role, joined_at, muted_until FROM memberships"
          + " WHERE room_id = ? AND muted_until IS NOT NULL AND user_id > ? AND muted_until > ?"
          + " ORDER BY user_id LIMIT ?";

  private final Jdbc jdbc;

  @Inject
  public PostgresMuteListAdapter(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public List<Membership> mutes(RoomId roomId, UserId afterUserId, Instant now, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return jdbc.autocommit(
        "list mutes",
        c -> {
          try (PreparedStatement query = c.prepareStatement(MUTES)) {
            query.setString(1, roomId.value());
            query.setString(2, afterUserId == null ? "" : afterUserId.value());
            Rows.setInstant(query, 3, now);
            query.setInt(4, limit);
            List<Membership> muted = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
              while (row.next()) {
                muted.add(
                    new Membership(
                        roomId,
                        UserId.of(row.getString("user_id")),
                        Role.valueOf(row.getString("role")),
                        Rows.instant(row, "joined_at"),
                        Rows.instant(row, "muted_until")));
              }
            }
            return muted;
          }
        });
  }
}

package dev.parley.adapter.postgres;

import dev.parley.application.port.out.BlockCheckPort;
import dev.parley.application.port.out.BlockListPort;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/** Block lists in PostgreSQL: one row per (blocker, blocked), every call one statement. */
@Singleton
public final class PostgresBlockListAdapter implements BlockListPort, BlockCheckPort {
  private static final String BLOCK =
      "INSERT INTO blocks (blocker, blocked) VALUES (?, ?) ON CONFLICT DO NOTHING";
  private static final String UNBLOCK = "DELETE FROM blocks WHERE blocker = ? AND blocked = ?";
  private static final String PAGE =
      "SELECT blocked FROM blocks WHERE blocker = ? AND blocked > ? ORDER BY blocked LIMIT ?";
  private static final String AMONG =
      "SELECT blocked FROM blocks WHERE blocker = ? AND blocked = ANY(?)";

  private final Jdbc jdbc;

  @Inject
  public PostgresBlockListAdapter(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public void block(UserId blocker, UserId blocked) {
    jdbc.autocommit(
        "block user",
        c -> {
          try (PreparedStatement insert = c.prepareStatement(BLOCK)) {
            insert.setString(1, blocker.value());
            insert.setString(2, blocked.value());
            return insert.executeUpdate();
          }
        });
  }

  @Override
  public boolean unblock(UserId blocker, UserId blocked) {
    return jdbc.autocommit(
        "unblock user",
        c -> {
          try (PreparedStatement delete = c.prepareStatement(UNBLOCK)) {
            delete.setString(1, blocker.value());
            delete.setString(2, blocked.value());
            return delete.executeUpdate() > 0;
          }
        });
  }

  @Override
  public List<UserId> blockedBy(UserId blocker, UserId after, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return jdbc.autocommit(
        "list blocked users",
        c -> {
          try (PreparedStatement query = c.prepareStatement(PAGE)) {
            query.setString(1, blocker.value());
            // '' sorts before every id under COLLATE "C": from the start.
            query.setString(2, after == null ? "" : after.value());
            query.setInt(3, limit);
            List<UserId> page = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                page.add(UserId.of(rows.getString(1)));
              }
            }
            return page;
          }
        });
  }

  @Override
  public Set<UserId> blockedAmong(UserId blocker, Collection<UserId> users) {
    if (users.isEmpty()) {
      return Set.of();
    }
    return jdbc.autocommit(
        "check blocks",
        c -> {
          try (PreparedStatement query = c.prepareStatement(AMONG)) {
            query.setString(1, blocker.value());
            Array ids = c.createArrayOf("text", users.stream().map(UserId::value).toArray());
            query.setArray(2, ids);
            Set<UserId> blocked = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                blocked.add(UserId.of(rows.getString(1)));
              }
            }
            return blocked;
          }
        });
  }
}

package dev.parley.adapter.postgres;

import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.application.port.out.RoomSubscriptionPort;
import dev.parley.application.port.out.Subscriber;
import dev.parley.domain.presence.Connection;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Live connections and their room subscriptions in PostgreSQL, shared by every node. A connection
 * is alive up to and including its {@code expires_at}; reads filter on it, so an expired row is
 * never returned even before {@link #purgeExpired} (scheduled by the caller) deletes it. The
 * foreign key from subscriptions cascades, so subscriptions die with their connection.
 */
@Singleton
public final class PostgresConnectionAdapter
    implements ConnectionRegistryPort, RoomSubscriptionPort {
  private static final String COLUMNS = "id, user_id, connected_at, last_heartbeat, last_activity";
  private static final String REGISTER =
      "INSERT INTO connections (id, user_id, connected_at, last_heartbeat, last_activity,"
          + " expires_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE"
          + " SET user_id = excluded.user_id, connected_at = excluded.connected_at,"
          + " last_heartbeat = excluded.last_heartbeat, last_activity = excluded.last_activity,"
          + " expires_at = excluded.expires_at";
  private static final String FIND =
      "SELECT " + COLUMNS + " FROM connections WHERE id = ? AND expires_at >= ?";
  private static final String REMOVE = "DELETE FROM connections WHERE id = ? RETURNING " + COLUMNS;
  private static final String BY_USER =
      "SELECT " + COLUMNS + " FROM connections WHERE user_id = ? AND expires_at >= ?";
  private static final String PURGE = "DELETE FROM connections WHERE expires_at < ?";
  private static final String SUBSCRIBE =
      "INSERT INTO subscriptions (room_id, connection_id, user_id) VALUES (?, ?, ?)"
          + " ON CONFLICT (room_id, connection_id) DO NOTHING";
  private static final String UNSUBSCRIBE =
      "DELETE FROM subscriptions WHERE room_id = ? AND connection_id = ?";
  private static final String SUBSCRIBERS =
      "SELECT s.connection_id, s.user_id FROM subscriptions s"
          + " JOIN connections c ON c.id = s.connection_id"
          + " WHERE s.room_id = ? AND c.expires_at >= ?";
  private static final String UNSUBSCRIBE_USER =
      "DELETE FROM subscriptions WHERE room_id = ? AND user_id = ? RETURNING connection_id";

  private final Jdbc jdbc;

  @Inject
  public PostgresConnectionAdapter(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public void register(Connection connection, Instant expiresAt) {
    jdbc.autocommit(
        "register connection",
        c -> {
          try (PreparedStatement upsert = c.prepareStatement(REGISTER)) {
            upsert.setString(1, connection.id().value());
            upsert.setString(2, connection.userId().value());
            Rows.setInstant(upsert, 3, connection.connectedAt());
            Rows.setInstant(upsert, 4, connection.lastHeartbeat());
            Rows.setInstant(upsert, 5, connection.lastActivity());
            Rows.setInstant(upsert, 6, expiresAt);
            return upsert.executeUpdate();
          }
        });
  }

  @Override
  public Optional<Connection> find(ConnectionId id, Instant now) {
    return jdbc.autocommit(
        "find connection",
        c -> {
          try (PreparedStatement find = c.prepareStatement(FIND)) {
            find.setString(1, id.value());
            Rows.setInstant(find, 2, now);
            return connections(find).stream().findFirst();
          }
        });
  }

  @Override
  public Optional<Connection> remove(ConnectionId id) {
    return jdbc.autocommit(
        "remove connection",
        c -> {
          try (PreparedStatement delete = c.prepareStatement(REMOVE)) {
            delete.setString(1, id.value());
            return connections(delete).stream().findFirst();
          }
        });
  }

  @Override
  public List<Connection> byUser(UserId userId, Instant now) {
    return jdbc.autocommit(
        "connections of user",
        c -> {
          try (PreparedStatement query = c.prepareStatement(BY_USER)) {
            query.setString(1, userId.value());
            Rows.setInstant(query, 2, now);
            return connections(query);
          }
        });
  }

  /**
   * Deletes the connections expired at {@code now}, and by cascade their subscriptions. Returns how
   * many connections were deleted. The caller schedules it (every minute is plenty).
   */
  public int purgeExpired(Instant now) {
    return jdbc.autocommit(
        "purge connections",
        c -> {
          try (PreparedStatement delete = c.prepareStatement(PURGE)) {
            Rows.setInstant(delete, 1, now);
            return delete.executeUpdate();
          }
        });
  }

  @Override
  public void subscribe(RoomId roomId, ConnectionId connectionId, UserId userId) {
    jdbc.autocommit(
        "subscribe",
        c -> {
          try (PreparedStatement insert = c.prepareStatement(SUBSCRIBE)) {
            insert.setString(1, roomId.value());
            insert.setString(2, connectionId.value());
            insert.setString(3, userId.value());
            return insert.executeUpdate();
          } catch (SQLException e) {
            if (SqlErrors.isForeignKeyViolation(e)) {
              // The connection is gone (closed or purged): its subscription would die with it.
              return 0;
            }
            throw e;
          }
        });
  }

  @Override
  public void unsubscribe(RoomId roomId, ConnectionId connectionId) {
    jdbc.autocommit(
        "unsubscribe",
        c -> {
          try (PreparedStatement delete = c.prepareStatement(UNSUBSCRIBE)) {
            delete.setString(1, roomId.value());
            delete.setString(2, connectionId.value());
            return delete.executeUpdate();
          }
        });
  }

  @Override
  public List<Subscriber> subscribers(RoomId roomId, Instant now) {
    return jdbc.autocommit(
        "subscribers",
        c -> {
          try (PreparedStatement query = c.prepareStatement(SUBSCRIBERS)) {
            query.setString(1, roomId.value());
            Rows.setInstant(query, 2, now);
            try (ResultSet row = query.executeQuery()) {
              List<Subscriber> subscribers = new ArrayList<>();
              while (row.next()) {
                subscribers.add(
                    new Subscriber(ConnectionId.of(row.getString(1)), UserId.of(row.getString(2))));
              }
              return subscribers;
            }
          }
        });
  }

  @Override
  public List<ConnectionId> unsubscribeUser(RoomId roomId, UserId userId) {
    return jdbc.autocommit(
        "unsubscribe user",
        c -> {
          try (PreparedStatement delete = c.prepareStatement(UNSUBSCRIBE_USER)) {
            delete.setString(1, roomId.value());
            delete.setString(2, userId.value());
            try (ResultSet row = delete.executeQuery()) {
              List<ConnectionId> dropped = new ArrayList<>();
              while (row.next()) {
                dropped.add(ConnectionId.of(row.getString(1)));
              }
              return dropped;
            }
          }
        });
  }

  private static List<Connection> connections(PreparedStatement query) throws SQLException {
    try (ResultSet row = query.executeQuery()) {
      List<Connection> connections = new ArrayList<>();
      while (row.next()) {
        connections.add(
            new Connection(
                ConnectionId.of(row.getString("id")),
                UserId.of(row.getString("user_id")),
                Rows.instant(row, "connected_at"),
                Rows.instant(row, "last_heartbeat"),
                Rows.instant(row, "last_activity")));
      }
      return connections;
    }
  }
}

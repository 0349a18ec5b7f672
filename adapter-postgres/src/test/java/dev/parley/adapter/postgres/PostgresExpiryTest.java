package dev.parley.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.presence.Connection;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import dev.parley.testkit.fixture.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The periodic cleanups: expired connections (with their subscriptions) and typing notices go. */
class PostgresExpiryTest {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema(2);

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  public void purgeDeletesExpiredConnectionsWithTheirSubscriptionsAndKeepsLiveOnes()
      throws SQLException {
    PostgresConnectionAdapter registry = new PostgresConnectionAdapter(DB.dataSource());
    UserId user = Ids.user();
    RoomId room = Ids.room();
    Connection stale = Connection.open(Ids.connection(), user, T0);
    Connection live = Connection.open(Ids.connection(), user, T0);
    registry.register(stale, T0.plusSeconds(10));
    registry.register(live, T0.plusSeconds(90));
    registry.subscribe(room, stale.id(), user);
    registry.subscribe(room, live.id(), user);

    int purged = registry.purgeExpired(T0.plusSeconds(11));

    assertThat(purged).isEqualTo(1);
    assertThat(rows("connections", stale.id().value())).isZero();
    assertThat(rows("subscriptions", stale.id().value())).isZero();
    assertThat(rows("connections", live.id().value())).isOne();
    assertThat(registry.find(live.id(), T0.plusSeconds(11))).contains(live);
  }

  @Test
  public void purgeKeepsAConnectionThatExpiresExactlyNow() {
    PostgresConnectionAdapter registry = new PostgresConnectionAdapter(DB.dataSource());
    Connection connection = Connection.open(Ids.connection(), Ids.user(), T0);
    registry.register(connection, T0.plusSeconds(10));

    registry.purgeExpired(T0.plusSeconds(10));

    assertThat(registry.find(connection.id(), T0.plusSeconds(10))).contains(connection);
  }

  @Test
  public void subscribingAPurgedConnectionIsIgnored() {
    PostgresConnectionAdapter registry = new PostgresConnectionAdapter(DB.dataSource());
    RoomId room = Ids.room();

    registry.subscribe(room, Ids.connection(), Ids.user());

    assertThat(registry.subscribers(room, T0)).isEmpty();
  }

  @Test
  public void typingPurgeDeletesOnlyExpiredNotices() {
    PostgresTypingAdapter typing = new PostgresTypingAdapter(DB.dataSource());
    RoomId room = Ids.room();
    UserId[] users = Ids.orderedUsers(2);
    typing.startTyping(room, users[0], T0.plusSeconds(2), T0);
    typing.startTyping(room, users[1], T0.plusSeconds(6), T0);

    typing.purgeExpired(T0.plusSeconds(3));

    assertThat(typing.stopTyping(room, Ids.user(), T0)).containsExactly(users[1]);
  }

  /**
   * The round a deployment schedules: each purge reports its count, and a purge that fails (here
   * the rate-limit table is missing) neither throws nor stops the others.
   */
  @Test
  public void aPurgeRoundReportsEachPurgeAndSurvivesOneFailing() throws SQLException {
    PostgresConnectionAdapter registry = new PostgresConnectionAdapter(DB.dataSource());
    PostgresTypingAdapter typing = new PostgresTypingAdapter(DB.dataSource());
    PostgresStorePurge purge =
        new PostgresStorePurge(registry, typing, new PostgresRateLimitAdapter(DB.dataSource()));
    Instant later = T0.plus(java.time.Duration.ofDays(365));
    purge.purgeOnce(later); // whatever earlier tests left behind
    registry.register(Connection.open(Ids.connection(), Ids.user(), later), later.plusSeconds(5));
    typing.startTyping(Ids.room(), Ids.user(), later.plusSeconds(2), later);

    assertThat(purge.purgeOnce(later.plusSeconds(10)))
        .containsExactly(
            java.util.Map.entry("connections", 1),
            java.util.Map.entry("typing", 1),
            java.util.Map.entry("rate limits", 0));

    try (var connection = DB.dataSource().getConnection();
        var statement = connection.createStatement()) {
      statement.execute("ALTER TABLE rate_limits RENAME TO rate_limits_away");
      try {
        registry.register(
            Connection.open(Ids.connection(), Ids.user(), later), later.plusSeconds(20));
        assertThat(purge.purgeOnce(later.plusSeconds(30)))
            .containsExactly(
                java.util.Map.entry("connections", 1), java.util.Map.entry("typing", 0));
      } finally {
        statement.execute("ALTER TABLE rate_limits_away RENAME TO rate_limits");
      }
    }
  }

  private static int rows(String table, String connectionId) throws SQLException {
    String column = table.equals("connections") ? "id" : "connection_id";
    try (var connection = DB.dataSource().getConnection();
        var query =
            connection.prepareStatement(
                "SELECT count(*) FROM " + table + " WHERE " + column + " = ?")) {
      query.setString(1, connectionId);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }
}

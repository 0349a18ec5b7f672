package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.Instants.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.domain.presence.Connection;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.user.UserId;
import dev.parley.testkit.fixture.Ids;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ConnectionRegistryPort}. A connection is returned up to and including its
 * {@code expiresAt} and never once that instant has passed, as {@link Connection#aliveAt} has it.
 */
public abstract class ConnectionRegistryPortContract {
  private static final Instant EXPIRES = T0.plusSeconds(90);

  /** The registry under test. */
  protected abstract ConnectionRegistryPort connections();

  private static Connection connectionOf(UserId user) {
    return Connection.open(Ids.connection(), user, T0);
  }

  @Test
  public void unknownConnectionIsNotFound() {
    assertThat(connections().find(Ids.connection(), T0)).isEmpty();
  }

  @Test
  public void registeredConnectionIsFoundUntilItExpires() {
    ConnectionRegistryPort registry = connections();
    Connection connection = Connection.open(Ids.connection(), Ids.user(), T0.plusMillis(250));

    registry.register(connection, EXPIRES);

    assertThat(registry.find(connection.id(), T0.plusMillis(250))).contains(connection);
    assertThat(registry.find(connection.id(), EXPIRES.minusMillis(1))).contains(connection);
    assertThat(registry.find(connection.id(), EXPIRES)).contains(connection);
  }

  @Test
  public void connectionIsNotFoundOnceItsExpiryHasPassed() {
    ConnectionRegistryPort registry = connections();
    Connection connection = connectionOf(Ids.user());
    registry.register(connection, EXPIRES);

    assertThat(registry.find(connection.id(), EXPIRES.plusMillis(1))).isEmpty();
    assertThat(registry.byUser(connection.userId(), EXPIRES.plusMillis(1))).isEmpty();
  }

  @Test
  public void registeringAgainRefreshesTheConnectionAndItsExpiry() {
    ConnectionRegistryPort registry = connections();
    Connection connection = connectionOf(Ids.user());
    registry.register(connection, EXPIRES);

    Connection heartbeat = connection.heartbeat(T0.plusSeconds(60), true);
    Instant later = T0.plusSeconds(150);
    registry.register(heartbeat, later);

    assertThat(registry.find(connection.id(), EXPIRES.plusSeconds(1))).contains(heartbeat);
    assertThat(registry.find(connection.id(), later.plusMillis(1))).isEmpty();
    assertThat(registry.byUser(connection.userId(), T0)).containsExactly(heartbeat);
  }

  @Test
  public void removeReturnsTheConnectionOnceAndForgetsIt() {
    ConnectionRegistryPort registry = connections();
    Connection connection = connectionOf(Ids.user());
    registry.register(connection, EXPIRES);

    assertThat(registry.remove(connection.id())).contains(connection);
    assertThat(registry.remove(connection.id())).isEmpty();
    assertThat(registry.find(connection.id(), T0)).isEmpty();
    assertThat(registry.byUser(connection.userId(), T0)).isEmpty();
  }

  @Test
  public void removingAnUnknownConnectionReturnsNothing() {
    assertThat(connections().remove(Ids.connection())).isEmpty();
  }

  @Test
  public void byUserListsOnlyThatUsersUnexpiredConnections() {
    ConnectionRegistryPort registry = connections();
    UserId user = Ids.user();
    Connection phone = connectionOf(user);
    Connection laptop = connectionOf(user);
    Connection stale = connectionOf(user);
    Connection someoneElse = connectionOf(Ids.user());
    registry.register(phone, EXPIRES);
    registry.register(laptop, EXPIRES.plusSeconds(30));
    registry.register(stale, T0.plusSeconds(10));
    registry.register(someoneElse, EXPIRES);

    assertThat(registry.byUser(user, T0.plusSeconds(20))).containsExactlyInAnyOrder(phone, laptop);
    assertThat(registry.byUser(user, EXPIRES.plusSeconds(1))).containsExactly(laptop);
  }

  @Test
  public void userWithoutConnectionsHasNone() {
    assertThat(connections().byUser(Ids.user(), T0)).isEmpty();
  }

  @Test
  public void fiftyConnectionsRegisteredConcurrentlyAreAllListed() {
    ConnectionRegistryPort registry = connections();
    UserId user = Ids.user();

    List<ConnectionId> ids =
        Concurrently.run(
            50,
            i -> {
              Connection connection = connectionOf(user);
              registry.register(connection, EXPIRES);
              return connection.id();
            });

    assertThat(registry.byUser(user, T0))
        .extracting(Connection::id)
        .containsExactlyInAnyOrderElementsOf(ids);
  }
}

package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.Instants.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.application.port.out.RoomSubscriptionPort;
import dev.parley.application.port.out.Subscriber;
import dev.parley.domain.presence.Connection;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import dev.parley.testkit.fixture.Ids;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link RoomSubscriptionPort}: subscriptions of live connections, which die with
 * their connection. Only subscriptions of registered connections are exercised.
 */
public abstract class RoomSubscriptionPortContract {
  private static final Instant EXPIRES = T0.plusSeconds(90);

  /** The subscriptions under test. */
  protected abstract RoomSubscriptionPort subscriptions();

  /** Registers the connections; the same store as {@link #subscriptions()}. */
  protected abstract ConnectionRegistryPort connections();

  private ConnectionId connect(UserId user, Instant expiresAt) {
    Connection connection = Connection.open(Ids.connection(), user, T0);
    connections().register(connection, expiresAt);
    return connection.id();
  }

  private ConnectionId subscribe(RoomId room, UserId user) {
    ConnectionId id = connect(user, EXPIRES);
    subscriptions().subscribe(room, id, user);
    return id;
  }

  @Test
  public void roomWithoutSubscriptionsHasNoSubscribers() {
    assertThat(subscriptions().subscribers(Ids.room(), T0)).isEmpty();
  }

  @Test
  public void subscribedConnectionReceivesTheRoomWithItsUser() {
    RoomId room = Ids.room();
    UserId user = Ids.user();

    ConnectionId id = subscribe(room, user);

    assertThat(subscriptions().subscribers(room, T0)).containsExactly(new Subscriber(id, user));
  }

  @Test
  public void subscribingTwiceSubscribesOnce() {
    RoomId room = Ids.room();
    UserId user = Ids.user();
    ConnectionId id = subscribe(room, user);

    subscriptions().subscribe(room, id, user);

    assertThat(subscriptions().subscribers(room, T0)).containsExactly(new Subscriber(id, user));
  }

  @Test
  public void unsubscribeIsIdempotent() {
    RoomId room = Ids.room();
    UserId user = Ids.user();
    ConnectionId kept = subscribe(room, user);
    ConnectionId dropped = subscribe(room, user);

    subscriptions().unsubscribe(room, dropped);
    subscriptions().unsubscribe(room, dropped);
    subscriptions().unsubscribe(room, Ids.connection());
    subscriptions().unsubscribe(Ids.room(), kept);

    assertThat(subscriptions().subscribers(room, T0)).containsExactly(new Subscriber(kept, user));
  }

  @Test
  public void subscriptionsArePerRoom() {
    RoomId room = Ids.room();
    RoomId other = Ids.room();
    UserId user = Ids.user();
    ConnectionId id = subscribe(room, user);
    ConnectionId elsewhere = subscribe(other, user);

    assertThat(subscriptions().subscribers(room, T0)).containsExactly(new Subscriber(id, user));
    assertThat(subscriptions().subscribers(other, T0))
        .containsExactly(new Subscriber(elsewhere, user));
  }

  @Test
  public void oneConnectionMaySubscribeToManyRooms() {
    RoomId first = Ids.room();
    RoomId second = Ids.room();
    UserId user = Ids.user();
    ConnectionId id = subscribe(first, user);

    subscriptions().subscribe(second, id, user);
    subscriptions().unsubscribe(first, id);

    assertThat(subscriptions().subscribers(first, T0)).isEmpty();
    assertThat(subscriptions().subscribers(second, T0)).containsExactly(new Subscriber(id, user));
  }

  @Test
  public void expiredConnectionIsNoLongerASubscriber() {
    RoomId room = Ids.room();
    UserId user = Ids.user();
    ConnectionId live = subscribe(room, user);
    ConnectionId expiring = connect(user, T0.plusSeconds(10));
    subscriptions().subscribe(room, expiring, user);

    assertThat(subscriptions().subscribers(room, T0.plusSeconds(10)))
        .containsExactlyInAnyOrder(new Subscriber(live, user), new Subscriber(expiring, user));
    assertThat(subscriptions().subscribers(room, T0.plusSeconds(10).plusMillis(1)))
        .containsExactly(new Subscriber(live, user));
  }

  @Test
  public void removedConnectionTakesItsSubscriptionsAlong() {
    RoomId room = Ids.room();
    RoomId other = Ids.room();
    UserId user = Ids.user();
    ConnectionId id = subscribe(room, user);
    subscriptions().subscribe(other, id, user);

    connections().remove(id);

    assertThat(subscriptions().subscribers(room, T0)).isEmpty();
    assertThat(subscriptions().subscribers(other, T0)).isEmpty();
  }

  @Test
  public void removedConnectionRegisteredAgainStartsWithoutSubscriptions() {
    RoomId room = Ids.room();
    UserId user = Ids.user();
    ConnectionId id = subscribe(room, user);

    connections().remove(id);
    connections().register(Connection.open(id, user, T0.plusSeconds(1)), EXPIRES);

    assertThat(subscriptions().subscribers(room, T0.plusSeconds(1))).isEmpty();
  }

  @Test
  public void unsubscribeUserDropsEveryConnectionOfThatUserAndReturnsThem() {
    RoomId room = Ids.room();
    RoomId other = Ids.room();
    UserId kicked = Ids.user();
    UserId stays = Ids.user();
    ConnectionId phone = subscribe(room, kicked);
    ConnectionId laptop = subscribe(room, kicked);
    subscriptions().subscribe(other, laptop, kicked);
    ConnectionId bystander = subscribe(room, stays);

    List<ConnectionId> dropped = subscriptions().unsubscribeUser(room, kicked);

    assertThat(dropped).containsExactlyInAnyOrder(phone, laptop);
    assertThat(subscriptions().subscribers(room, T0))
        .containsExactly(new Subscriber(bystander, stays));
    assertThat(subscriptions().subscribers(other, T0))
        .containsExactly(new Subscriber(laptop, kicked));
  }

  @Test
  public void unsubscribeUserWithoutSubscriptionsReturnsNothing() {
    RoomId room = Ids.room();
    subscribe(room, Ids.user());

    assertThat(subscriptions().unsubscribeUser(room, Ids.user())).isEmpty();
    assertThat(subscriptions().unsubscribeUser(Ids.room(), Ids.user())).isEmpty();
  }

  @Test
  public void unsubscribeUserTwiceReturnsTheConnectionsOnlyTheFirstTime() {
    RoomId room = Ids.room();
    UserId user = Ids.user();
    ConnectionId id = subscribe(room, user);

    assertThat(subscriptions().unsubscribeUser(room, user)).containsExactly(id);
    assertThat(subscriptions().unsubscribeUser(room, user)).isEmpty();
  }

  @Test
  public void fiftyConcurrentSubscriptionsAreAllKept() {
    RoomId room = Ids.room();
    List<Subscriber> subscribed =
        Concurrently.run(
            50,
            i -> {
              UserId user = Ids.user();
              return new Subscriber(subscribe(room, user), user);
            });

    assertThat(subscriptions().subscribers(room, T0))
        .containsExactlyInAnyOrderElementsOf(subscribed);
  }
}

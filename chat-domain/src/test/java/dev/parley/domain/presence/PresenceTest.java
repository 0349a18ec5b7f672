package dev.parley.domain.presence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Presence with the defaults: connections die 90 s after a heartbeat, users idle after 5 min. */
class PresenceTest {
  private static final PresenceSettings SETTINGS = PresenceSettings.DEFAULTS;
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final UserId ALICE = UserId.of("alice");

  @Test
  void userWithoutConnectionsIsOffline() {
    Presence presence = Presence.of(ALICE, List.of(), NOW, SETTINGS);
    assertThat(presence.status()).isEqualTo(PresenceStatus.OFFLINE);
    assertThat(presence.lastActiveAt()).isNull();
    assertThat(presence.userId()).isEqualTo(ALICE);
  }

  @Test
  void freshlyConnectedUserIsOnline() {
    Presence presence =
        Presence.of(ALICE, List.of(Connection.open(id("phone"), ALICE, NOW)), NOW, SETTINGS);
    assertThat(presence.status()).isEqualTo(PresenceStatus.ONLINE);
    assertThat(presence.lastActiveAt()).isEqualTo(NOW);
  }

  @Test
  void liveConnectionIdleForExactlyTheIdleTimeIsStillOnline() {
    Connection idle = connection("laptop", secondsAgo(30), secondsAgo(300));
    assertThat(Presence.of(ALICE, List.of(idle), NOW, SETTINGS).status())
        .isEqualTo(PresenceStatus.ONLINE);
  }

  @Test
  void liveConnectionIdlePastTheIdleTimeIsAway() {
    Connection idle = connection("laptop", secondsAgo(30), secondsAgo(301));
    Presence presence = Presence.of(ALICE, List.of(idle), NOW, SETTINGS);
    assertThat(presence.status()).isEqualTo(PresenceStatus.AWAY);
    assertThat(presence.lastActiveAt()).isEqualTo(secondsAgo(301));
  }

  @Test
  void connectionWhoseHeartbeatExpiredIsIgnored() {
    // The client vanished without a $disconnect: its last heartbeat is older than the TTL.
    Connection vanished = connection("phone", secondsAgo(91), secondsAgo(91));
    Presence presence = Presence.of(ALICE, List.of(vanished), NOW, SETTINGS);
    assertThat(presence.status()).isEqualTo(PresenceStatus.OFFLINE);
    assertThat(presence.lastActiveAt()).isNull();
  }

  @Test
  void missedDisconnectDoesNotKeepAnIdleUserOnline() {
    Connection vanishedButRecentlyActive = connection("phone", secondsAgo(100), secondsAgo(100));
    Connection idleLaptop = connection("laptop", secondsAgo(10), secondsAgo(600));
    Presence presence =
        Presence.of(ALICE, List.of(vanishedButRecentlyActive, idleLaptop), NOW, SETTINGS);
    assertThat(presence.status()).isEqualTo(PresenceStatus.AWAY);
    assertThat(presence.lastActiveAt()).isEqualTo(secondsAgo(600));
  }

  @Test
  void oneActiveDeviceMakesTheUserOnline() {
    Connection idleLaptop = connection("laptop", secondsAgo(20), secondsAgo(1_800));
    Connection activePhone = connection("phone", secondsAgo(5), secondsAgo(5));
    Connection idleTablet = connection("tablet", secondsAgo(40), secondsAgo(900));
    Presence presence =
        Presence.of(ALICE, List.of(idleLaptop, activePhone, idleTablet), NOW, SETTINGS);
    assertThat(presence.status()).isEqualTo(PresenceStatus.ONLINE);
    assertThat(presence.lastActiveAt()).isEqualTo(secondsAgo(5));
  }

  @Test
  void lastActiveIsTheLatestActivityWhicheverOrderTheDevicesComeIn() {
    Connection a = connection("a", secondsAgo(10), secondsAgo(400));
    Connection b = connection("b", secondsAgo(10), secondsAgo(350));
    Connection c = connection("c", secondsAgo(10), secondsAgo(500));
    assertThat(Presence.of(ALICE, List.of(a, b, c), NOW, SETTINGS).lastActiveAt())
        .isEqualTo(secondsAgo(350));
    assertThat(Presence.of(ALICE, List.of(c, a, b), NOW, SETTINGS).lastActiveAt())
        .isEqualTo(secondsAgo(350));
    assertThat(Presence.of(ALICE, List.of(b, c, a), NOW, SETTINGS).status())
        .isEqualTo(PresenceStatus.AWAY);
  }

  @Test
  void allDevicesIdleMakesTheUserAway() {
    Connection laptop = connection("laptop", secondsAgo(10), secondsAgo(400));
    Connection phone = connection("phone", secondsAgo(20), secondsAgo(700));
    assertThat(Presence.of(ALICE, List.of(laptop, phone), NOW, SETTINGS).status())
        .isEqualTo(PresenceStatus.AWAY);
  }

  @Test
  void shorterIdleTimeMakesTheSameUserAwaySooner() {
    PresenceSettings impatient =
        new PresenceSettings(Duration.ofSeconds(90), Duration.ofSeconds(60), Duration.ofSeconds(6));
    Connection laptop = connection("laptop", secondsAgo(10), secondsAgo(61));
    assertThat(Presence.of(ALICE, List.of(laptop), NOW, impatient).status())
        .isEqualTo(PresenceStatus.AWAY);
    assertThat(Presence.of(ALICE, List.of(laptop), NOW, SETTINGS).status())
        .isEqualTo(PresenceStatus.ONLINE);
  }

  private static Connection connection(String id, Instant lastHeartbeat, Instant lastActivity) {
    return new Connection(
        id(id), ALICE, NOW.minus(Duration.ofHours(1)), lastHeartbeat, lastActivity);
  }

  private static ConnectionId id(String value) {
    return ConnectionId.of(value);
  }

  private static Instant secondsAgo(long seconds) {
    return NOW.minusSeconds(seconds);
  }
}

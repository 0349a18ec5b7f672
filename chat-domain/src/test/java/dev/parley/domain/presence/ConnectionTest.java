package dev.parley.domain.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.parley.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConnectionTest {
  private static final PresenceSettings SETTINGS = PresenceSettings.DEFAULTS;
  private static final Instant OPENED = Instant.parse("2025-06-01T12:00:00Z");
  private final Connection connection =
      Connection.open(ConnectionId.of("conn-1"), UserId.of("alice"), OPENED);

  @Test
  void openedConnectionIsFreshEverywhere() {
    assertThat(connection.connectedAt()).isEqualTo(OPENED);
    assertThat(connection.lastHeartbeat()).isEqualTo(OPENED);
    assertThat(connection.lastActivity()).isEqualTo(OPENED);
  }

  @Test
  void connectionLivesUntilTheTtlAfterItsLastHeartbeat() {
    Instant expiry = OPENED.plus(Duration.ofSeconds(90));
    assertThat(connection.expiresAt(SETTINGS)).isEqualTo(expiry);
    assertThat(connection.aliveAt(expiry, SETTINGS)).isTrue();
    assertThat(connection.aliveAt(expiry.plusNanos(1), SETTINGS)).isFalse();
  }

  @Test
  void heartbeatKeepsTheConnectionAlive() {
    Instant later = OPENED.plusSeconds(60);
    Connection beat = connection.heartbeat(later, false);
    assertThat(beat.aliveAt(OPENED.plusSeconds(120), SETTINGS)).isTrue();
    assertThat(connection.aliveAt(OPENED.plusSeconds(120), SETTINGS)).isFalse();
  }

  @Test
  void passiveHeartbeatDoesNotCountAsActivity() {
    Connection beat = connection.heartbeat(OPENED.plusSeconds(60), false);
    assertThat(beat.lastHeartbeat()).isEqualTo(OPENED.plusSeconds(60));
    assertThat(beat.lastActivity()).isEqualTo(OPENED);
  }

  @Test
  void activeHeartbeatCountsAsActivity() {
    Connection beat = connection.heartbeat(OPENED.plusSeconds(60), true);
    assertThat(beat.lastActivity()).isEqualTo(OPENED.plusSeconds(60));
    assertThat(beat.connectedAt()).isEqualTo(OPENED);
  }

  @Test
  void connectionNeedsAllItsTimes() {
    assertThatNullPointerException()
        .isThrownBy(
            () -> new Connection(ConnectionId.of("c"), UserId.of("u"), OPENED, null, OPENED));
  }

  @Test
  void presenceDurationsMustBePositive() {
    Duration one = Duration.ofSeconds(1);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PresenceSettings(Duration.ZERO, one, one));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PresenceSettings(one, Duration.ofSeconds(-1), one));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PresenceSettings(one, one, Duration.ZERO));
    assertThat(new PresenceSettings(one, one, one).heartbeatTtl()).isEqualTo(one);
  }
}

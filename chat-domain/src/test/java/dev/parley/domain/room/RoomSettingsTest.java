package dev.parley.domain.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoomSettingsTest {

  @Test
  void defaultsAllowFourThousandCodePointsWithoutSlowMode() {
    assertThat(RoomSettings.DEFAULTS.maxMessageLength()).isEqualTo(4_000);
    assertThat(RoomSettings.DEFAULTS.slowModeSeconds()).isZero();
    assertThat(RoomSettings.DEFAULTS.slowModeOn()).isFalse();
    assertThat(RoomSettings.DEFAULTS.presenceEvents()).isTrue();
    assertThat(RoomSettings.DEFAULTS.typingEvents()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 500, 16_000})
  void messageLengthFromOneToSixteenThousand(int maxLength) {
    assertThat(new RoomSettings(maxLength, 0, true, true).maxMessageLength()).isEqualTo(maxLength);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 16_001, Integer.MAX_VALUE, Integer.MIN_VALUE})
  void messageLengthOutsideTheBoundsIsRejected(int maxLength) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RoomSettings(maxLength, 0, true, true))
        .withMessageContaining("maxMessageLength");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 30, 120})
  void slowModeFromOffToTwoMinutes(int seconds) {
    assertThat(new RoomSettings(4_000, seconds, true, true).slowModeSeconds()).isEqualTo(seconds);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 121, 3_600, Integer.MIN_VALUE})
  void slowModeOutsideTheBoundsIsRejected(int seconds) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RoomSettings(4_000, seconds, true, true))
        .withMessageContaining("slowModeSeconds");
  }

  @Test
  void slowModeIsOnFromOneSecond() {
    assertThat(new RoomSettings(4_000, 1, true, true).slowModeOn()).isTrue();
  }
}

package dev.parley.domain.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BanTest {
  private static final Instant BANNED_AT = Instant.parse("2025-06-01T12:00:00Z");
  private static final Instant EXPIRES_AT = BANNED_AT.plus(Duration.ofDays(1));
  private static final RoomId ROOM = RoomId.of("general");
  private static final UserId SPAMMER = UserId.of("spammer");
  private static final UserId MODERATOR = UserId.of("mod");

  @Test
  void reasonWithHiddenCharactersIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Ban(ROOM, SPAMMER, MODERATOR, BANNED_AT, null, "spam\u0000"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Ban(ROOM, SPAMMER, MODERATOR, BANNED_AT, null, "spam\u202E"));
  }

  @Test
  void banUntilLiftedHoldsForever() {
    Ban ban = new Ban(ROOM, SPAMMER, MODERATOR, BANNED_AT, null, "spam");
    assertThat(ban.activeAt(BANNED_AT)).isTrue();
    assertThat(ban.activeAt(BANNED_AT.plus(Duration.ofDays(3650)))).isTrue();
  }

  @Test
  void timedBanHoldsUntilJustBeforeItExpires() {
    Ban ban = new Ban(ROOM, SPAMMER, MODERATOR, BANNED_AT, EXPIRES_AT, "spam");
    assertThat(ban.activeAt(BANNED_AT)).isTrue();
    assertThat(ban.activeAt(EXPIRES_AT.minusNanos(1))).isTrue();
  }

  @Test
  void timedBanLapsesAtItsExpiry() {
    Ban ban = new Ban(ROOM, SPAMMER, MODERATOR, BANNED_AT, EXPIRES_AT, "spam");
    assertThat(ban.activeAt(EXPIRES_AT)).isFalse();
    assertThat(ban.activeAt(EXPIRES_AT.plusSeconds(1))).isFalse();
  }

  @Test
  void missingReasonBecomesEmpty() {
    assertThat(new Ban(ROOM, SPAMMER, MODERATOR, BANNED_AT, null, null).reason()).isEmpty();
  }

  @Test
  void banNamesRoomUserModeratorAndTime() {
    assertThatNullPointerException()
        .isThrownBy(() -> new Ban(null, SPAMMER, MODERATOR, BANNED_AT, null, ""));
    assertThatNullPointerException()
        .isThrownBy(() -> new Ban(ROOM, null, MODERATOR, BANNED_AT, null, ""));
    assertThatNullPointerException()
        .isThrownBy(() -> new Ban(ROOM, SPAMMER, null, BANNED_AT, null, ""));
    assertThatNullPointerException()
        .isThrownBy(() -> new Ban(ROOM, SPAMMER, MODERATOR, null, null, ""));
  }
}

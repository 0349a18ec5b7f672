package dev.parley.domain.member;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.access.Role;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MembershipTest {
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final Instant IN_AN_HOUR = NOW.plus(Duration.ofHours(1));
  private final Membership alice =
      Membership.join(RoomId.of("general"), UserId.of("alice"), Role.MEMBER, NOW);

  @Test
  void newMemberIsNotMuted() {
    assertThat(alice.mutedUntil()).isNull();
    assertThat(alice.isMutedAt(NOW)).isFalse();
    assertThat(alice.joinedAt()).isEqualTo(NOW);
  }

  @Test
  void mutedMemberStaysMutedUntilTheMuteEnds() {
    Membership muted = alice.mutedUntil(IN_AN_HOUR);
    assertThat(muted.isMutedAt(NOW)).isTrue();
    assertThat(muted.isMutedAt(IN_AN_HOUR.minusNanos(1))).isTrue();
    assertThat(muted.isMutedAt(IN_AN_HOUR)).isFalse();
    assertThat(muted.isMutedAt(IN_AN_HOUR.plusSeconds(1))).isFalse();
  }

  @Test
  void muteWithoutEndLastsForever() {
    Membership muted = alice.mutedUntil(null);
    assertThat(muted.mutedUntil()).isEqualTo(Membership.INDEFINITELY);
    assertThat(muted.isMutedAt(NOW.plus(Duration.ofDays(365_000)))).isTrue();
  }

  @Test
  void indefinitelyIsTheLastSecondOfYear9999() {
    assertThat(Membership.INDEFINITELY).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
  }

  @Test
  void unmutedMemberSpeaksAgain() {
    Membership unmuted = alice.mutedUntil(null).unmuted();
    assertThat(unmuted.mutedUntil()).isNull();
    assertThat(unmuted.isMutedAt(NOW)).isFalse();
  }

  @Test
  void muteKeepsTheRoleAndRoleChangeKeepsTheMute() {
    Membership mutedModerator = alice.mutedUntil(IN_AN_HOUR).withRole(Role.MODERATOR);
    assertThat(mutedModerator.role()).isEqualTo(Role.MODERATOR);
    assertThat(mutedModerator.isMutedAt(NOW)).isTrue();
    assertThat(mutedModerator.joinedAt()).isEqualTo(NOW);
  }

  @Test
  void changesReturnNewMemberships() {
    alice.mutedUntil(IN_AN_HOUR);
    alice.withRole(Role.ADMIN);
    assertThat(alice.role()).isEqualTo(Role.MEMBER);
    assertThat(alice.mutedUntil()).isNull();
  }
}

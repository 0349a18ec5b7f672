package dev.parley.domain.permission;

import static dev.parley.domain.permission.PolicyFixtures.ALICE;
import static dev.parley.domain.permission.PolicyFixtures.NOW;
import static dev.parley.domain.permission.PolicyFixtures.allowed;
import static dev.parley.domain.permission.PolicyFixtures.banOfAlice;
import static dev.parley.domain.permission.PolicyFixtures.denied;
import static dev.parley.domain.permission.PolicyFixtures.membership;
import static dev.parley.domain.permission.PolicyFixtures.publicRoom;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.access.Action;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.member.Ban;
import dev.parley.domain.room.Room;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BanPolicyTest {
  private final Room room = publicRoom();

  @ParameterizedTest
  @EnumSource(Action.class)
  void bannedOwnerCanDoNothingAtAll(Action action) {
    assertThat(PermissionPolicy.decide(bannedAlice(Role.OWNER, null, action)))
        .isEqualTo(denied(DenialReason.BANNED));
  }

  @Test
  void bannedMemberCannotPost() {
    assertThat(PermissionPolicy.decide(bannedAlice(Role.MEMBER, null, Action.POST)))
        .isEqualTo(denied(DenialReason.BANNED));
  }

  @Test
  void bannedMemberCannotEvenReadAPublicRoom() {
    assertThat(PermissionPolicy.decide(bannedAlice(Role.MEMBER, null, Action.READ)))
        .isEqualTo(denied(DenialReason.BANNED));
  }

  @Test
  void timedBanHoldsUntilItExpires() {
    Instant tomorrow = NOW.plus(Duration.ofDays(1));
    assertThat(PermissionPolicy.decide(bannedAlice(Role.MEMBER, tomorrow, Action.READ)))
        .isEqualTo(denied(DenialReason.BANNED));
  }

  @Test
  void timedBanOneSecondBeforeExpiryStillHolds() {
    Instant inASecond = NOW.plusSeconds(1);
    assertThat(PermissionPolicy.decide(bannedAlice(Role.MEMBER, inASecond, Action.POST)))
        .isEqualTo(denied(DenialReason.BANNED));
  }

  @ParameterizedTest
  @EnumSource(names = {"READ", "POST", "REPLY", "REACT", "INVITE"})
  void expiredBanNoLongerKeepsAMemberOut(Action action) {
    Instant yesterday = NOW.minus(Duration.ofDays(1));
    assertThat(PermissionPolicy.decide(bannedAlice(Role.MEMBER, yesterday, action)))
        .isEqualTo(allowed());
  }

  @Test
  void banEndingExactlyNowNoLongerHolds() {
    assertThat(PermissionPolicy.decide(bannedAlice(Role.MEMBER, NOW, Action.POST)))
        .isEqualTo(allowed());
  }

  @Test
  void expiredBanOfANonMemberStillLeavesThemANonMember() {
    Ban expired = banOfAlice(room, NOW.minusSeconds(1));
    assertThat(
            PermissionPolicy.decide(
                PermissionRequest.of(room, ALICE, null, expired, Action.POST, NOW)))
        .isEqualTo(denied(DenialReason.NOT_A_MEMBER));
    assertThat(
            PermissionPolicy.decide(
                PermissionRequest.of(room, ALICE, null, expired, Action.READ, NOW)))
        .isEqualTo(allowed());
  }

  private PermissionRequest bannedAlice(Role role, Instant banExpiresAt, Action action) {
    return PermissionRequest.of(
        room, ALICE, membership(room, ALICE, role), banOfAlice(room, banExpiresAt), action, NOW);
  }
}

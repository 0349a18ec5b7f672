package dev.parley.domain.permission;

import static dev.parley.domain.permission.PolicyFixtures.ALICE;
import static dev.parley.domain.permission.PolicyFixtures.BOB;
import static dev.parley.domain.permission.PolicyFixtures.NOW;
import static dev.parley.domain.permission.PolicyFixtures.allowed;
import static dev.parley.domain.permission.PolicyFixtures.denied;
import static dev.parley.domain.permission.PolicyFixtures.membership;
import static dev.parley.domain.permission.PolicyFixtures.publicRoom;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.access.Action;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.Room;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MutePolicyTest {
  private static final Instant IN_AN_HOUR = NOW.plus(Duration.ofHours(1));
  private final Room room = publicRoom();

  @ParameterizedTest
  @EnumSource(names = {"POST", "REPLY", "REACT", "EDIT_OWN"})
  void mutedMemberCannotSpeak(Action action) {
    assertThat(PermissionPolicy.decide(ownMessage(mutedAlice(Role.MEMBER, IN_AN_HOUR), action)))
        .isEqualTo(denied(DenialReason.MUTED));
  }

  @ParameterizedTest
  @EnumSource(names = {"READ", "DELETE_OWN", "INVITE"})
  void mutedMemberMayStillReadDeleteOwnMessagesAndInvite(Action action) {
    assertThat(PermissionPolicy.decide(ownMessage(mutedAlice(Role.MEMBER, IN_AN_HOUR), action)))
        .isEqualTo(allowed());
  }

  @Test
  void mutedModeratorMayStillPinAndKick() {
    Membership muted = mutedAlice(Role.MODERATOR, IN_AN_HOUR);
    assertThat(PermissionPolicy.decide(request(muted, Action.PIN))).isEqualTo(allowed());
    assertThat(
            PermissionPolicy.decide(
                request(muted, Action.KICK).on(BOB, membership(room, BOB, Role.MEMBER))))
        .isEqualTo(allowed());
  }

  @Test
  void mutedAdminCannotPostEither() {
    assertThat(PermissionPolicy.decide(request(mutedAlice(Role.ADMIN, IN_AN_HOUR), Action.POST)))
        .isEqualTo(denied(DenialReason.MUTED));
  }

  @Test
  void indefiniteMuteKeepsAMemberSilent() {
    Membership mutedForever = membership(room, ALICE, Role.MEMBER).mutedUntil(null);
    assertThat(PermissionPolicy.decide(request(mutedForever, Action.POST)))
        .isEqualTo(denied(DenialReason.MUTED));
  }

  @ParameterizedTest
  @EnumSource(names = {"POST", "REPLY", "REACT", "EDIT_OWN"})
  void expiredMuteNoLongerSilences(Action action) {
    Membership muteEnded = mutedAlice(Role.MEMBER, NOW.minus(Duration.ofMinutes(5)));
    assertThat(PermissionPolicy.decide(ownMessage(muteEnded, action))).isEqualTo(allowed());
  }

  @Test
  void muteEndingExactlyNowNoLongerSilences() {
    assertThat(PermissionPolicy.decide(request(mutedAlice(Role.MEMBER, NOW), Action.POST)))
        .isEqualTo(allowed());
  }

  @Test
  void unmutedMemberMayPostAgain() {
    Membership unmuted = mutedAlice(Role.MEMBER, IN_AN_HOUR).unmuted();
    assertThat(PermissionPolicy.decide(request(unmuted, Action.POST))).isEqualTo(allowed());
  }

  @Test
  void mutedGuestHearsRoleTooLowBeforeMuted() {
    assertThat(PermissionPolicy.decide(request(mutedAlice(Role.GUEST, IN_AN_HOUR), Action.POST)))
        .isEqualTo(denied(DenialReason.ROLE_TOO_LOW));
  }

  private Membership mutedAlice(Role role, Instant until) {
    return membership(room, ALICE, role).mutedUntil(until);
  }

  private PermissionRequest request(Membership alice, Action action) {
    return PermissionRequest.of(room, ALICE, alice, null, action, NOW);
  }

  /** Edit-own and delete-own are asked about Alice's own message. */
  private PermissionRequest ownMessage(Membership alice, Action action) {
    PermissionRequest request = request(alice, action);
    return action == Action.EDIT_OWN || action == Action.DELETE_OWN
        ? request.on(ALICE, alice)
        : request;
  }
}

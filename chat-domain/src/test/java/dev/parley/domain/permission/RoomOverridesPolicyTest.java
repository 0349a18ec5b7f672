package dev.parley.domain.permission;

import static dev.parley.domain.permission.PolicyFixtures.alice;
import static dev.parley.domain.permission.PolicyFixtures.aliceOnBob;
import static dev.parley.domain.permission.PolicyFixtures.allowed;
import static dev.parley.domain.permission.PolicyFixtures.denied;
import static dev.parley.domain.permission.PolicyFixtures.nonMember;
import static dev.parley.domain.permission.PolicyFixtures.publicRoom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.parley.domain.access.Action;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.access.RolePermissions;
import dev.parley.domain.room.Room;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Per-room overrides of the minimum role, as the policy applies them. */
class RoomOverridesPolicyTest {

  @Test
  void announcementRoomLetsOnlyModeratorsPost() {
    Room announcements = withOverrides(Map.of(Action.POST, Role.MODERATOR));
    assertThat(PermissionPolicy.decide(alice(announcements, Role.MEMBER, Action.POST)))
        .isEqualTo(denied(DenialReason.ROLE_TOO_LOW));
    assertThat(PermissionPolicy.decide(alice(announcements, Role.MODERATOR, Action.POST)))
        .isEqualTo(allowed());
  }

  @Test
  void raisingPostLeavesReplyAndReactAsTheyWere() {
    Room announcements = withOverrides(Map.of(Action.POST, Role.MODERATOR));
    assertThat(PermissionPolicy.decide(alice(announcements, Role.MEMBER, Action.REPLY)))
        .isEqualTo(allowed());
    assertThat(PermissionPolicy.decide(alice(announcements, Role.MEMBER, Action.REACT)))
        .isEqualTo(allowed());
  }

  @Test
  void inviteRaisedToAdminStopsModerators() {
    Room invitationOnly = withOverrides(Map.of(Action.INVITE, Role.ADMIN));
    assertThat(PermissionPolicy.decide(alice(invitationOnly, Role.MEMBER, Action.INVITE)))
        .isEqualTo(denied(DenialReason.ROLE_TOO_LOW));
    assertThat(PermissionPolicy.decide(alice(invitationOnly, Role.MODERATOR, Action.INVITE)))
        .isEqualTo(denied(DenialReason.ROLE_TOO_LOW));
    assertThat(PermissionPolicy.decide(alice(invitationOnly, Role.ADMIN, Action.INVITE)))
        .isEqualTo(allowed());
  }

  @Test
  void pinLoweredToMemberLetsMembersPin() {
    Room relaxed = withOverrides(Map.of(Action.PIN, Role.MEMBER));
    assertThat(PermissionPolicy.decide(alice(relaxed, Role.MEMBER, Action.PIN)))
        .isEqualTo(allowed());
    assertThat(PermissionPolicy.decide(alice(relaxed, Role.GUEST, Action.PIN)))
        .isEqualTo(denied(DenialReason.ROLE_TOO_LOW));
  }

  @Test
  void kickLoweredToMemberStillNeedsToOutrankTheTarget() {
    Room selfPoliced = withOverrides(Map.of(Action.KICK, Role.MEMBER));
    assertThat(
            PermissionPolicy.decide(aliceOnBob(selfPoliced, Role.MEMBER, Action.KICK, Role.GUEST)))
        .isEqualTo(allowed());
    assertThat(
            PermissionPolicy.decide(aliceOnBob(selfPoliced, Role.MEMBER, Action.KICK, Role.MEMBER)))
        .isEqualTo(denied(DenialReason.TARGET_OUTRANKS));
  }

  @Test
  void readRaisedToMemberLocksGuestMembersOut() {
    Room membersOnly = withOverrides(Map.of(Action.READ, Role.MEMBER));
    assertThat(PermissionPolicy.decide(alice(membersOnly, Role.GUEST, Action.READ)))
        .isEqualTo(denied(DenialReason.ROLE_TOO_LOW));
    assertThat(PermissionPolicy.decide(alice(membersOnly, Role.MEMBER, Action.READ)))
        .isEqualTo(allowed());
  }

  @ParameterizedTest
  @EnumSource(value = Action.class, names = "READ", mode = EnumSource.Mode.EXCLUDE)
  void guestsCanNeverBeGrantedAWriteAction(Action action) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RolePermissions.withOverrides(Map.of(action, Role.GUEST)));
  }

  @Test
  void overridesDoNotLetNonMembersIn() {
    Room relaxed = withOverrides(Map.of(Action.POST, Role.MEMBER, Action.PIN, Role.MEMBER));
    assertThat(PermissionPolicy.decide(nonMember(relaxed, Action.PIN)))
        .isEqualTo(denied(DenialReason.NOT_A_MEMBER));
  }

  private static Room withOverrides(Map<Action, Role> overrides) {
    return publicRoom().withPermissions(RolePermissions.withOverrides(overrides));
  }
}

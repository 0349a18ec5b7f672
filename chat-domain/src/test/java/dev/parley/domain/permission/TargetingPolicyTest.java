package dev.parley.domain.permission;

import static dev.parley.domain.permission.PolicyFixtures.BOB;
import static dev.parley.domain.permission.PolicyFixtures.alice;
import static dev.parley.domain.permission.PolicyFixtures.aliceOnBob;
import static dev.parley.domain.permission.PolicyFixtures.aliceOnHerself;
import static dev.parley.domain.permission.PolicyFixtures.allowed;
import static dev.parley.domain.permission.PolicyFixtures.denied;
import static dev.parley.domain.permission.PolicyFixtures.expectation;
import static dev.parley.domain.permission.PolicyFixtures.publicRoom;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.access.Action;
import dev.parley.domain.access.Decision;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Acting on oneself, granting roles, and targets who are no longer members. */
class TargetingPolicyTest {

  @Test
  void moderatorCannotKickAdmin() {
    assertThat(decide(aliceOnBob(publicRoom(), Role.MODERATOR, Action.KICK, Role.ADMIN)))
        .isEqualTo(denied(DenialReason.TARGET_OUTRANKS));
  }

  @Test
  void moderatorCannotKickAnotherModerator() {
    assertThat(decide(aliceOnBob(publicRoom(), Role.MODERATOR, Action.KICK, Role.MODERATOR)))
        .isEqualTo(denied(DenialReason.TARGET_OUTRANKS));
  }

  @Test
  void moderatorCanKickMember() {
    assertThat(decide(aliceOnBob(publicRoom(), Role.MODERATOR, Action.KICK, Role.MEMBER)))
        .isEqualTo(allowed());
  }

  @Test
  void ownerCannotBanAnotherOwner() {
    assertThat(decide(aliceOnBob(publicRoom(), Role.OWNER, Action.BAN, Role.OWNER)))
        .isEqualTo(denied(DenialReason.TARGET_OUTRANKS));
  }

  @Test
  void moderatorCannotDeleteAnAdminsMessage() {
    assertThat(decide(aliceOnBob(publicRoom(), Role.MODERATOR, Action.DELETE_ANY, Role.ADMIN)))
        .isEqualTo(denied(DenialReason.TARGET_OUTRANKS));
  }

  @ParameterizedTest
  @EnumSource(names = {"KICK", "BAN", "MUTE", "DELETE_ANY", "CHANGE_ROLE"})
  void ownerCannotTargetThemselves(Action action) {
    assertThat(decide(aliceOnHerself(publicRoom(), Role.OWNER, action)))
        .isEqualTo(denied(DenialReason.CANNOT_TARGET_SELF));
  }

  @ParameterizedTest
  @EnumSource(names = {"KICK", "BAN", "MUTE", "DELETE_ANY"})
  void moderatorCannotTargetThemselves(Action action) {
    assertThat(decide(aliceOnHerself(publicRoom(), Role.MODERATOR, action)))
        .isEqualTo(denied(DenialReason.CANNOT_TARGET_SELF));
  }

  @Test
  void moderatorDeletesOwnMessageWithDeleteOwnNotDeleteAny() {
    assertThat(decide(aliceOnHerself(publicRoom(), Role.MODERATOR, Action.DELETE_OWN)))
        .isEqualTo(allowed());
  }

  @Test
  void memberTryingToKickThemselvesHearsRoleTooLowFirst() {
    assertThat(decide(aliceOnHerself(publicRoom(), Role.MEMBER, Action.KICK)))
        .isEqualTo(denied(DenialReason.ROLE_TOO_LOW));
  }

  @ParameterizedTest(name = "{0} changing own role to {1} -> {2}")
  @CsvSource({
    "OWNER, ADMIN,     allowed",
    "OWNER, MODERATOR, allowed",
    "OWNER, MEMBER,    allowed",
    "OWNER, GUEST,     allowed",
    "OWNER, OWNER,     CANNOT_TARGET_SELF",
    "ADMIN, MODERATOR, allowed",
    "ADMIN, GUEST,     allowed",
    "ADMIN, ADMIN,     CANNOT_TARGET_SELF",
    "ADMIN, OWNER,     ROLE_TOO_HIGH",
    "MODERATOR, MEMBER, allowed",
    "MODERATOR, GUEST,  allowed",
    "MEMBER, GUEST,     allowed",
    "MEMBER, MODERATOR, ROLE_TOO_LOW",
    "GUEST, MEMBER,     ROLE_TOO_LOW",
  })
  void theOnlyRoleChangeOnOneselfIsSteppingDown(Role role, Role newRole, String expected) {
    PermissionRequest request =
        aliceOnHerself(publicRoom(), role, Action.CHANGE_ROLE).granting(newRole);
    assertThat(decide(request)).isEqualTo(expectation(expected));
  }

  @Test
  void selfRoleChangeWithoutANewRoleIsNotSteppingDown() {
    assertThat(decide(aliceOnHerself(publicRoom(), Role.ADMIN, Action.CHANGE_ROLE)))
        .isEqualTo(denied(DenialReason.CANNOT_TARGET_SELF));
  }

  @ParameterizedTest(name = "{0} granting {1} to a guest -> {2}")
  @CsvSource({
    "OWNER,     OWNER,     allowed",
    "OWNER,     ADMIN,     allowed",
    "OWNER,     MODERATOR, allowed",
    "OWNER,     MEMBER,    allowed",
    "OWNER,     GUEST,     allowed",
    "ADMIN,     OWNER,     ROLE_TOO_HIGH",
    "ADMIN,     ADMIN,     allowed",
    "ADMIN,     MODERATOR, allowed",
    "ADMIN,     MEMBER,    allowed",
    "ADMIN,     GUEST,     allowed",
    "MODERATOR, OWNER,     ROLE_TOO_LOW",
    "MODERATOR, MODERATOR, ROLE_TOO_LOW",
    "MODERATOR, MEMBER,    ROLE_TOO_LOW",
    "MEMBER,    MEMBER,    ROLE_TOO_LOW",
    "GUEST,     OWNER,     ROLE_TOO_LOW",
  })
  void grantingARole(Role actor, Role newRole, String expected) {
    PermissionRequest request =
        aliceOnBob(publicRoom(), actor, Action.CHANGE_ROLE, Role.GUEST).granting(newRole);
    assertThat(decide(request)).isEqualTo(expectation(expected));
  }

  @Test
  void adminCannotGrantOwner() {
    PermissionRequest request =
        aliceOnBob(publicRoom(), Role.ADMIN, Action.CHANGE_ROLE, Role.MEMBER).granting(Role.OWNER);
    assertThat(decide(request)).isEqualTo(denied(DenialReason.ROLE_TOO_HIGH));
  }

  @Test
  void ownerMayMakeAnAdminAnotherOwner() {
    PermissionRequest request =
        aliceOnBob(publicRoom(), Role.OWNER, Action.CHANGE_ROLE, Role.ADMIN).granting(Role.OWNER);
    assertThat(decide(request)).isEqualTo(allowed());
  }

  @Test
  void ownerCannotDemoteAnotherOwner() {
    PermissionRequest request =
        aliceOnBob(publicRoom(), Role.OWNER, Action.CHANGE_ROLE, Role.OWNER).granting(Role.MEMBER);
    assertThat(decide(request)).isEqualTo(denied(DenialReason.TARGET_OUTRANKS));
  }

  @Test
  void grantingTooHighARoleIsReportedBeforeTheTargetsRank() {
    PermissionRequest request =
        aliceOnBob(publicRoom(), Role.ADMIN, Action.CHANGE_ROLE, Role.OWNER).granting(Role.OWNER);
    assertThat(decide(request)).isEqualTo(denied(DenialReason.ROLE_TOO_HIGH));
  }

  @Test
  void moderatorMayBanSomeoneWhoAlreadyLeft() {
    PermissionRequest request = alice(publicRoom(), Role.MODERATOR, Action.BAN).on(BOB, null);
    assertThat(decide(request)).isEqualTo(allowed());
  }

  @Test
  void moderatorMayDeleteTheMessageOfAnAuthorWhoLeft() {
    PermissionRequest request =
        alice(publicRoom(), Role.MODERATOR, Action.DELETE_ANY).on(BOB, null);
    assertThat(decide(request)).isEqualTo(allowed());
  }

  private static Decision decide(PermissionRequest request) {
    return PermissionPolicy.decide(request);
  }
}

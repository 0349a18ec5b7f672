package dev.parley.domain.permission;

import static dev.parley.domain.permission.PolicyFixtures.ALICE;
import static dev.parley.domain.permission.PolicyFixtures.NOW;
import static dev.parley.domain.permission.PolicyFixtures.alice;
import static dev.parley.domain.permission.PolicyFixtures.allowed;
import static dev.parley.domain.permission.PolicyFixtures.banOfAlice;
import static dev.parley.domain.permission.PolicyFixtures.denied;
import static dev.parley.domain.permission.PolicyFixtures.membership;
import static dev.parley.domain.permission.PolicyFixtures.privateRoom;
import static dev.parley.domain.permission.PolicyFixtures.publicRoom;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.access.Action;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.Room;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The rules run in order and the first denial wins: the user hears the most basic reason. */
class RuleOrderTest {

  @Test
  void rulesAreAskedInTheDocumentedOrder() {
    assertThat(PermissionPolicy.RULES)
        .containsExactly(
            PermissionPolicy.NOT_BANNED,
            PermissionPolicy.MEMBERS_ONLY,
            PermissionPolicy.ARCHIVED_ROOMS_ARE_READ_ONLY,
            PermissionPolicy.DIRECT_ROOMS_ARE_CLOSED,
            PermissionPolicy.ROLE_IS_HIGH_ENOUGH,
            PermissionPolicy.MUTED_MEMBERS_ARE_SILENT,
            PermissionPolicy.OWN_MESSAGES_ONLY,
            PermissionPolicy.OUTRANK_THE_TARGET);
  }

  @Test
  void bannedNonMemberHearsBannedNotNotAMember() {
    Room room = privateRoom();
    PermissionRequest request =
        PermissionRequest.of(room, ALICE, null, banOfAlice(room, null), Action.POST, NOW);
    assertThat(PermissionPolicy.decide(request)).isEqualTo(denied(DenialReason.BANNED));
  }

  @Test
  void bannedGuestInAnArchivedRoomHearsBanned() {
    Room room = publicRoom().archive();
    PermissionRequest request =
        PermissionRequest.of(
            room,
            ALICE,
            membership(room, ALICE, Role.GUEST),
            banOfAlice(room, null),
            Action.KICK,
            NOW);
    assertThat(PermissionPolicy.decide(request)).isEqualTo(denied(DenialReason.BANNED));
  }

  @Test
  void guestPostingInAnArchivedRoomHearsArchivedNotRoleTooLow() {
    assertThat(PermissionPolicy.decide(alice(publicRoom().archive(), Role.GUEST, Action.POST)))
        .isEqualTo(denied(DenialReason.ROOM_ARCHIVED));
  }

  @Test
  void mutedMemberEditingSomeoneElsesMessageHearsMutedNotNotAuthor() {
    Room room = publicRoom();
    Membership muted =
        membership(room, ALICE, Role.MEMBER).mutedUntil(NOW.plus(Duration.ofHours(1)));
    PermissionRequest request =
        PermissionRequest.of(room, ALICE, muted, null, Action.EDIT_OWN, NOW)
            .on(PolicyFixtures.BOB, membership(room, PolicyFixtures.BOB, Role.MEMBER));
    assertThat(PermissionPolicy.decide(request)).isEqualTo(denied(DenialReason.MUTED));
  }

  @Test
  void eachRuleOnItsOwnOnlyAnswersForItself() {
    PermissionRequest guestPostsInArchivedRoom =
        alice(publicRoom().archive(), Role.GUEST, Action.POST);
    assertThat(PermissionPolicy.NOT_BANNED.check(guestPostsInArchivedRoom)).isEqualTo(allowed());
    assertThat(PermissionPolicy.MEMBERS_ONLY.check(guestPostsInArchivedRoom)).isEqualTo(allowed());
    assertThat(PermissionPolicy.ARCHIVED_ROOMS_ARE_READ_ONLY.check(guestPostsInArchivedRoom))
        .isEqualTo(denied(DenialReason.ROOM_ARCHIVED));
    assertThat(PermissionPolicy.ROLE_IS_HIGH_ENOUGH.check(guestPostsInArchivedRoom))
        .isEqualTo(denied(DenialReason.ROLE_TOO_LOW));
    assertThat(PermissionPolicy.OUTRANK_THE_TARGET.check(guestPostsInArchivedRoom))
        .isEqualTo(allowed());
  }

  @Test
  void memberWithNothingAgainstThemIsAllowed() {
    assertThat(PermissionPolicy.decide(alice(publicRoom(), Role.MEMBER, Action.POST)))
        .isEqualTo(allowed())
        .matches(decision -> decision.isAllowed());
  }
}

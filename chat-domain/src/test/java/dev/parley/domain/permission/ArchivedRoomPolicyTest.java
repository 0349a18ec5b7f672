package dev.parley.domain.permission;

import static dev.parley.domain.permission.PolicyFixtures.ALICE;
import static dev.parley.domain.permission.PolicyFixtures.BOB;
import static dev.parley.domain.permission.PolicyFixtures.alice;
import static dev.parley.domain.permission.PolicyFixtures.allowed;
import static dev.parley.domain.permission.PolicyFixtures.denied;
import static dev.parley.domain.permission.PolicyFixtures.membership;
import static dev.parley.domain.permission.PolicyFixtures.nonMember;
import static dev.parley.domain.permission.PolicyFixtures.privateRoom;
import static dev.parley.domain.permission.PolicyFixtures.publicRoom;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.access.Action;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.room.Room;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** An archived room is read-only for every role. */
class ArchivedRoomPolicyTest {
  private final Room archived = publicRoom().archive();

  @ParameterizedTest
  @EnumSource(Role.class)
  void everyMemberMayStillReadAnArchivedRoom(Role role) {
    assertThat(PermissionPolicy.decide(alice(archived, role, Action.READ))).isEqualTo(allowed());
  }

  @ParameterizedTest
  @EnumSource(value = Action.class, names = "READ", mode = EnumSource.Mode.EXCLUDE)
  void ownerCannotWriteToAnArchivedRoom(Action action) {
    PermissionRequest request = alice(archived, Role.OWNER, action);
    if (action == Action.EDIT_OWN || action == Action.DELETE_OWN) {
      request = request.on(ALICE, request.membership());
    } else if (action.actsOnAnotherMember()) {
      request = request.on(BOB, membership(archived, BOB, Role.GUEST));
    }
    assertThat(PermissionPolicy.decide(request)).isEqualTo(denied(DenialReason.ROOM_ARCHIVED));
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void nobodyPostsInAnArchivedRoom(Role role) {
    assertThat(PermissionPolicy.decide(alice(archived, role, Action.POST)))
        .isEqualTo(denied(DenialReason.ROOM_ARCHIVED));
  }

  @Test
  void archivedPrivateRoomIsReadOnlyToo() {
    Room archivedPrivate = privateRoom().archive();
    assertThat(PermissionPolicy.decide(alice(archivedPrivate, Role.ADMIN, Action.MANAGE_ROOM)))
        .isEqualTo(denied(DenialReason.ROOM_ARCHIVED));
    assertThat(PermissionPolicy.decide(alice(archivedPrivate, Role.GUEST, Action.READ)))
        .isEqualTo(allowed());
  }

  @Test
  void nonMemberPostingInAnArchivedRoomHearsNotAMember() {
    assertThat(PermissionPolicy.decide(nonMember(archived, Action.POST)))
        .isEqualTo(denied(DenialReason.NOT_A_MEMBER));
  }
}

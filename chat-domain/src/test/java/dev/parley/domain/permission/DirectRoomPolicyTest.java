package dev.parley.domain.permission;

import static dev.parley.domain.permission.PolicyFixtures.ALICE;
import static dev.parley.domain.permission.PolicyFixtures.BOB;
import static dev.parley.domain.permission.PolicyFixtures.alice;
import static dev.parley.domain.permission.PolicyFixtures.aliceOnBob;
import static dev.parley.domain.permission.PolicyFixtures.allowed;
import static dev.parley.domain.permission.PolicyFixtures.denied;
import static dev.parley.domain.permission.PolicyFixtures.directRoom;
import static dev.parley.domain.permission.PolicyFixtures.membership;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.access.Action;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.room.Room;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A direct room keeps its two members (both MEMBER) and needs no managing. */
class DirectRoomPolicyTest {
  private final Room direct = directRoom();

  @ParameterizedTest
  @EnumSource(names = {"INVITE", "KICK", "BAN", "MUTE", "CHANGE_ROLE", "MANAGE_ROOM"})
  void directRoomMemberCannotManageTheRoomOrItsMembers(Action action) {
    assertThat(PermissionPolicy.decide(aliceOnBob(direct, Role.MEMBER, action, Role.MEMBER)))
        .isEqualTo(denied(DenialReason.DIRECT_ROOM));
  }

  @ParameterizedTest
  @EnumSource(names = {"INVITE", "KICK", "BAN", "MUTE", "CHANGE_ROLE", "MANAGE_ROOM"})
  void evenAnOwnerCannotManageADirectRoom(Action action) {
    assertThat(PermissionPolicy.decide(aliceOnBob(direct, Role.OWNER, action, Role.GUEST)))
        .isEqualTo(denied(DenialReason.DIRECT_ROOM));
  }

  @ParameterizedTest
  @EnumSource(names = {"READ", "POST", "REPLY", "REACT"})
  void directRoomMemberMayTalk(Action action) {
    assertThat(PermissionPolicy.decide(alice(direct, Role.MEMBER, action))).isEqualTo(allowed());
  }

  @ParameterizedTest
  @EnumSource(names = {"EDIT_OWN", "DELETE_OWN"})
  void directRoomMemberMayEditAndDeleteOwnMessages(Action action) {
    PermissionRequest request = alice(direct, Role.MEMBER, action);
    assertThat(PermissionPolicy.decide(request.on(ALICE, request.membership())))
        .isEqualTo(allowed());
  }

  @Test
  void directRoomMemberCannotDeleteTheOtherMembersMessage() {
    PermissionRequest request = alice(direct, Role.MEMBER, Action.DELETE_OWN);
    assertThat(PermissionPolicy.decide(request.on(BOB, membership(direct, BOB, Role.MEMBER))))
        .isEqualTo(denied(DenialReason.NOT_AUTHOR));
  }

  @Test
  void archivedDirectRoomReportsArchivedBeforeDirect() {
    assertThat(PermissionPolicy.decide(alice(direct.archive(), Role.MEMBER, Action.INVITE)))
        .isEqualTo(denied(DenialReason.ROOM_ARCHIVED));
  }
}

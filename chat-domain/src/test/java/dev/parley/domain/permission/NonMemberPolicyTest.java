package dev.parley.domain.permission;

import static dev.parley.domain.permission.PolicyFixtures.NOW;
import static dev.parley.domain.permission.PolicyFixtures.allowed;
import static dev.parley.domain.permission.PolicyFixtures.denied;
import static dev.parley.domain.permission.PolicyFixtures.directRoom;
import static dev.parley.domain.permission.PolicyFixtures.nonMember;
import static dev.parley.domain.permission.PolicyFixtures.privateRoom;
import static dev.parley.domain.permission.PolicyFixtures.publicRoom;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.access.Action;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.access.RolePermissions;
import dev.parley.domain.user.UserId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NonMemberPolicyTest {

  @Test
  void nonMemberMayReadAPublicRoom() {
    assertThat(PermissionPolicy.decide(nonMember(publicRoom(), Action.READ))).isEqualTo(allowed());
  }

  @Test
  void nonMemberCannotReadAPublicRoomThatRestrictsReadingToMembers() {
    var membersOnly =
        publicRoom()
            .withPermissions(RolePermissions.withOverrides(Map.of(Action.READ, Role.MEMBER)));
    assertThat(PermissionPolicy.decide(nonMember(membersOnly, Action.READ)))
        .isEqualTo(denied(DenialReason.NOT_A_MEMBER));
  }

  @Test
  void nonMemberMayReadAnArchivedPublicRoom() {
    assertThat(PermissionPolicy.decide(nonMember(publicRoom().archive(), Action.READ)))
        .isEqualTo(allowed());
  }

  @ParameterizedTest
  @EnumSource(value = Action.class, names = "READ", mode = EnumSource.Mode.EXCLUDE)
  void nonMemberCanDoNothingElseInAPublicRoom(Action action) {
    assertThat(PermissionPolicy.decide(nonMember(publicRoom(), action)))
        .isEqualTo(denied(DenialReason.NOT_A_MEMBER));
  }

  @Test
  void nonMemberCannotReadAPrivateRoom() {
    assertThat(PermissionPolicy.decide(nonMember(privateRoom(), Action.READ)))
        .isEqualTo(denied(DenialReason.NOT_A_MEMBER));
  }

  @Test
  void outsiderCannotReadADirectRoom() {
    PermissionRequest carol =
        PermissionRequest.of(directRoom(), UserId.of("carol"), null, null, Action.READ, NOW);
    assertThat(PermissionPolicy.decide(carol)).isEqualTo(denied(DenialReason.NOT_A_MEMBER));
  }

  @ParameterizedTest
  @EnumSource(Action.class)
  void nonMemberCanDoNothingInAPrivateRoom(Action action) {
    assertThat(PermissionPolicy.decide(nonMember(privateRoom(), action)))
        .isEqualTo(denied(DenialReason.NOT_A_MEMBER));
  }
}

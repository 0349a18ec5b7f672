package dev.parley.domain.permission;

import static dev.parley.domain.permission.PolicyFixtures.ALICE;
import static dev.parley.domain.permission.PolicyFixtures.expectation;
import static dev.parley.domain.permission.PolicyFixtures.membership;
import static dev.parley.domain.permission.PolicyFixtures.publicRoom;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.access.Action;
import dev.parley.domain.access.Decision;
import dev.parley.domain.access.Role;
import dev.parley.domain.room.Room;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every role against every action, for a member of an ordinary public room with default
 * permissions, asked the way the application asks: actions on a member target a guest (whom every
 * role able to act outranks), a role change promotes that guest to moderator, and edit-own and
 * delete-own target the actor's own message.
 */
class PermissionMatrixTest {

  /** Rows: the action. Columns: the actor's role. Written out by hand, not derived. */
  private static final String EXPECTED =
      """
      ACTION       OWNER    ADMIN    MODERATOR     MEMBER        GUEST
      READ         allowed  allowed  allowed       allowed       allowed
      POST         allowed  allowed  allowed       allowed       ROLE_TOO_LOW
      REPLY        allowed  allowed  allowed       allowed       ROLE_TOO_LOW
      REACT        allowed  allowed  allowed       allowed       ROLE_TOO_LOW
      EDIT_OWN     allowed  allowed  allowed       allowed       ROLE_TOO_LOW
      DELETE_OWN   allowed  allowed  allowed       allowed       ROLE_TOO_LOW
      DELETE_ANY   allowed  allowed  allowed       ROLE_TOO_LOW  ROLE_TOO_LOW
      INVITE       allowed  allowed  allowed       allowed       ROLE_TOO_LOW
      KICK         allowed  allowed  allowed       ROLE_TOO_LOW  ROLE_TOO_LOW
      BAN          allowed  allowed  allowed       ROLE_TOO_LOW  ROLE_TOO_LOW
      MUTE         allowed  allowed  allowed       ROLE_TOO_LOW  ROLE_TOO_LOW
      MANAGE_ROOM  allowed  allowed  ROLE_TOO_LOW  ROLE_TOO_LOW  ROLE_TOO_LOW
      CHANGE_ROLE  allowed  allowed  ROLE_TOO_LOW  ROLE_TOO_LOW  ROLE_TOO_LOW
      PIN          allowed  allowed  allowed       ROLE_TOO_LOW  ROLE_TOO_LOW
      """;

  private static final Set<Action> ACTIONS_ON_A_MEMBER =
      EnumSet.of(Action.DELETE_ANY, Action.KICK, Action.BAN, Action.MUTE, Action.CHANGE_ROLE);

  static Stream<Arguments> matrix() {
    List<String[]> rows = EXPECTED.lines().map(line -> line.trim().split("\\s+")).toList();
    String[] header = rows.get(0);
    List<Arguments> cases = new ArrayList<>();
    for (String[] row : rows.subList(1, rows.size())) {
      for (int column = 1; column < header.length; column++) {
        cases.add(
            Arguments.of(
                Role.valueOf(header[column]), Action.valueOf(row[0]), expectation(row[column])));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("matrix")
  void memberOfAPublicRoomWithDefaultPermissions(Role role, Action action, Decision expected) {
    assertThat(PermissionPolicy.decide(realisticRequest(publicRoom(), role, action)))
        .isEqualTo(expected);
  }

  @Test
  void tableCoversEveryRoleAndEveryActionExactlyOnce() {
    List<Arguments> cases = matrix().toList();
    assertThat(cases).hasSize(Role.values().length * Action.values().length);
    assertThat(cases.stream().map(c -> c.get()[0] + " " + c.get()[1]).distinct())
        .hasSize(cases.size());
    assertThat(cases.stream().map(c -> (Action) c.get()[1]).distinct())
        .containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Action.class));
    assertThat(cases.stream().map(c -> (Role) c.get()[0]).distinct())
        .containsExactlyInAnyOrderElementsOf(Arrays.asList(Role.values()));
  }

  private static PermissionRequest realisticRequest(Room room, Role role, Action action) {
    PermissionRequest request = PolicyFixtures.alice(room, role, action);
    if (action == Action.EDIT_OWN || action == Action.DELETE_OWN) {
      return request.on(ALICE, request.membership());
    }
    if (ACTIONS_ON_A_MEMBER.contains(action)) {
      PermissionRequest onGuest =
          request.on(PolicyFixtures.BOB, membership(room, PolicyFixtures.BOB, Role.GUEST));
      return action == Action.CHANGE_ROLE ? onGuest.granting(Role.MODERATOR) : onGuest;
    }
    return request;
  }
}

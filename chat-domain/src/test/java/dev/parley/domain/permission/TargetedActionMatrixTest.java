package dev.parley.domain.permission;

import static dev.parley.domain.permission.PolicyFixtures.aliceOnBob;
import static dev.parley.domain.permission.PolicyFixtures.expectation;
import static dev.parley.domain.permission.PolicyFixtures.publicRoom;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.access.Action;
import dev.parley.domain.access.Decision;
import dev.parley.domain.access.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Actor role against target role for every action done to another member, in an ordinary public
 * room with default permissions. A role change here promotes or demotes the target to MODERATOR,
 * which every role allowed to change roles may grant.
 */
class TargetedActionMatrixTest {

  /** One grid per action. Rows: the actor's role. Columns: the target's role. */
  private static final String EXPECTED =
      """
      KICK        OWNER            ADMIN            MODERATOR        MEMBER           GUEST
      OWNER       TARGET_OUTRANKS  allowed          allowed          allowed          allowed
      ADMIN       TARGET_OUTRANKS  TARGET_OUTRANKS  allowed          allowed          allowed
      MODERATOR   TARGET_OUTRANKS  TARGET_OUTRANKS  TARGET_OUTRANKS  allowed          allowed
      MEMBER      ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW
      GUEST       ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW

      BAN         OWNER            ADMIN            MODERATOR        MEMBER           GUEST
      OWNER       TARGET_OUTRANKS  allowed          allowed          allowed          allowed
      ADMIN       TARGET_OUTRANKS  TARGET_OUTRANKS  allowed          allowed          allowed
      MODERATOR   TARGET_OUTRANKS  TARGET_OUTRANKS  TARGET_OUTRANKS  allowed          allowed
      MEMBER      ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW
      GUEST       ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW

      MUTE        OWNER            ADMIN            MODERATOR        MEMBER           GUEST
      OWNER       TARGET_OUTRANKS  allowed          allowed          allowed          allowed
      ADMIN       TARGET_OUTRANKS  TARGET_OUTRANKS  allowed          allowed          allowed
      MODERATOR   TARGET_OUTRANKS  TARGET_OUTRANKS  TARGET_OUTRANKS  allowed          allowed
      MEMBER      ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW
      GUEST       ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW

      DELETE_ANY  OWNER            ADMIN            MODERATOR        MEMBER           GUEST
      OWNER       TARGET_OUTRANKS  allowed          allowed          allowed          allowed
      ADMIN       TARGET_OUTRANKS  TARGET_OUTRANKS  allowed          allowed          allowed
      MODERATOR   TARGET_OUTRANKS  TARGET_OUTRANKS  TARGET_OUTRANKS  allowed          allowed
      MEMBER      ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW
      GUEST       ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW

      CHANGE_ROLE OWNER            ADMIN            MODERATOR        MEMBER           GUEST
      OWNER       TARGET_OUTRANKS  allowed          allowed          allowed          allowed
      ADMIN       TARGET_OUTRANKS  TARGET_OUTRANKS  allowed          allowed          allowed
      MODERATOR   ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW
      MEMBER      ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW
      GUEST       ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW     ROLE_TOO_LOW
      """;

  static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    Action action = null;
    String[] targets = null;
    for (String line : EXPECTED.lines().filter(l -> !l.isBlank()).toList()) {
      String[] cells = line.trim().split("\\s+");
      if (isAction(cells[0])) {
        action = Action.valueOf(cells[0]);
        targets = cells;
        continue;
      }
      for (int column = 1; column < targets.length; column++) {
        cases.add(
            Arguments.of(
                action,
                Role.valueOf(cells[0]),
                Role.valueOf(targets[column]),
                expectation(cells[column])));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{1} {0} a {2} -> {3}")
  @MethodSource("matrix")
  void actorRoleAgainstTargetRole(Action action, Role actor, Role target, Decision expected) {
    PermissionRequest request = aliceOnBob(publicRoom(), actor, action, target);
    if (action == Action.CHANGE_ROLE) {
      request = request.granting(Role.MODERATOR);
    }
    assertThat(PermissionPolicy.decide(request)).isEqualTo(expected);
  }

  @Test
  void tableCoversEveryActionOnAMemberAndEveryPairOfRoles() {
    List<Arguments> cases = matrix().toList();
    assertThat(cases.stream().map(c -> (Action) c.get()[0]).distinct())
        .containsExactlyInAnyOrder(
            Action.KICK, Action.BAN, Action.MUTE, Action.DELETE_ANY, Action.CHANGE_ROLE);
    int rolePairs = Role.values().length * Role.values().length;
    assertThat(cases).hasSize(5 * rolePairs);
    assertThat(cases.stream().map(c -> c.get()[0] + " " + c.get()[1] + " " + c.get()[2]).distinct())
        .hasSize(cases.size());
  }

  @Test
  void exactlyTheActionsInTheTableActOnAnotherMember() {
    List<Action> inTable = matrix().map(c -> (Action) c.get()[0]).distinct().toList();
    for (Action action : Action.values()) {
      assertThat(action.actsOnAnotherMember()).as("%s", action).isEqualTo(inTable.contains(action));
    }
  }

  private static boolean isAction(String cell) {
    for (Action action : Action.values()) {
      if (action.name().equals(cell)) {
        return true;
      }
    }
    return false;
  }
}

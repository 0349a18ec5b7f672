package dev.parley.domain.permission;

import static dev.parley.domain.permission.PolicyFixtures.BOB;
import static dev.parley.domain.permission.PolicyFixtures.alice;
import static dev.parley.domain.permission.PolicyFixtures.aliceOnBob;
import static dev.parley.domain.permission.PolicyFixtures.aliceOnHerself;
import static dev.parley.domain.permission.PolicyFixtures.allowed;
import static dev.parley.domain.permission.PolicyFixtures.denied;
import static dev.parley.domain.permission.PolicyFixtures.publicRoom;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.access.Action;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.room.Room;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Edit-own and delete-own are for the author's own messages only. */
class AuthorshipPolicyTest {
  private final Room room = publicRoom();

  @ParameterizedTest(name = "{0} {1} on someone else''s message")
  @CsvSource({
    "OWNER,     EDIT_OWN",
    "OWNER,     DELETE_OWN",
    "ADMIN,     EDIT_OWN",
    "ADMIN,     DELETE_OWN",
    "MODERATOR, EDIT_OWN",
    "MODERATOR, DELETE_OWN",
    "MEMBER,    EDIT_OWN",
    "MEMBER,    DELETE_OWN",
  })
  void nobodyEditsOrDeletesAsTheAuthorOfSomeoneElsesMessage(Role role, Action action) {
    assertThat(PermissionPolicy.decide(aliceOnBob(room, role, action, Role.MEMBER)))
        .isEqualTo(denied(DenialReason.NOT_AUTHOR));
  }

  @ParameterizedTest
  @EnumSource(names = {"EDIT_OWN", "DELETE_OWN"})
  void memberMayEditAndDeleteOwnMessage(Action action) {
    assertThat(PermissionPolicy.decide(aliceOnHerself(room, Role.MEMBER, action)))
        .isEqualTo(allowed());
  }

  @Test
  void notAuthorEvenWhenTheAuthorHasLeft() {
    assertThat(PermissionPolicy.decide(alice(room, Role.MEMBER, Action.EDIT_OWN).on(BOB, null)))
        .isEqualTo(denied(DenialReason.NOT_AUTHOR));
  }

  @Test
  void moderatorDeletesSomeoneElsesMessageWithDeleteAny() {
    assertThat(
            PermissionPolicy.decide(
                aliceOnBob(room, Role.MODERATOR, Action.DELETE_ANY, Role.MEMBER)))
        .isEqualTo(allowed());
  }

  @Test
  void guestEditingSomeoneElsesMessageHearsRoleTooLowFirst() {
    assertThat(PermissionPolicy.decide(aliceOnBob(room, Role.GUEST, Action.EDIT_OWN, Role.MEMBER)))
        .isEqualTo(denied(DenialReason.ROLE_TOO_LOW));
  }
}

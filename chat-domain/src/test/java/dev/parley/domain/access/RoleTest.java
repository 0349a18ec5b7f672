package dev.parley.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RoleTest {

  @ParameterizedTest
  @CsvSource({"OWNER, 100", "ADMIN, 75", "MODERATOR, 50", "MEMBER, 10", "GUEST, 0"})
  void powerLevelsFollowMatrix(Role role, int powerLevel) {
    assertThat(role.powerLevel()).isEqualTo(powerLevel);
  }

  @Test
  void rolesAreDeclaredFromMostToLeastPowerful() {
    assertThat(Role.values())
        .containsExactly(Role.OWNER, Role.ADMIN, Role.MODERATOR, Role.MEMBER, Role.GUEST);
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void noRoleOutranksItself(Role role) {
    assertThat(role.outranks(role)).isFalse();
    assertThat(role.atLeast(role)).isTrue();
  }

  @Test
  void ownerOutranksAdmin() {
    assertThat(Role.OWNER.outranks(Role.ADMIN)).isTrue();
    assertThat(Role.ADMIN.outranks(Role.OWNER)).isFalse();
  }

  @Test
  void moderatorOutranksMemberButNotAdmin() {
    assertThat(Role.MODERATOR.outranks(Role.MEMBER)).isTrue();
    assertThat(Role.MODERATOR.outranks(Role.ADMIN)).isFalse();
  }

  @Test
  void guestIsAtLeastGuestAndNothingMore() {
    assertThat(Role.GUEST.atLeast(Role.GUEST)).isTrue();
    assertThat(Role.GUEST.atLeast(Role.MEMBER)).isFalse();
    assertThat(Role.MEMBER.atLeast(Role.GUEST)).isTrue();
  }
}

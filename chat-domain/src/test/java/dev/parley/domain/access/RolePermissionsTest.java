package dev.parley.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RolePermissionsTest {

  @ParameterizedTest(name = "default minimum for {0} is {1}")
  @CsvSource({
    "READ,        GUEST",
    "POST,        MEMBER",
    "REPLY,       MEMBER",
    "REACT,       MEMBER",
    "EDIT_OWN,    MEMBER",
    "DELETE_OWN,  MEMBER",
    "DELETE_ANY,  MODERATOR",
    "INVITE,      MEMBER",
    "KICK,        MODERATOR",
    "BAN,         MODERATOR",
    "MUTE,        MODERATOR",
    "MANAGE_ROOM, ADMIN",
    "CHANGE_ROLE, ADMIN",
    "PIN,         MODERATOR",
  })
  void defaultsFollowTheActions(Action action, Role minimum) {
    assertThat(RolePermissions.DEFAULTS.minimumRole(action)).isEqualTo(minimum);
  }

  @Test
  void overrideReplacesTheMinimumOfItsActionOnly() {
    RolePermissions permissions =
        RolePermissions.withOverrides(Map.of(Action.POST, Role.MODERATOR));
    assertThat(permissions.minimumRole(Action.POST)).isEqualTo(Role.MODERATOR);
    assertThat(permissions.minimumRole(Action.REPLY)).isEqualTo(Role.MEMBER);
    assertThat(permissions.overrides()).containsExactly(Map.entry(Action.POST, Role.MODERATOR));
  }

  @Test
  void overridesEqualToTheDefaultsAreDropped() {
    RolePermissions permissions =
        RolePermissions.withOverrides(
            Map.of(Action.POST, Role.MEMBER, Action.KICK, Role.MODERATOR, Action.READ, Role.GUEST));
    assertThat(permissions.overrides()).isEmpty();
    assertThat(permissions).isSameAs(RolePermissions.DEFAULTS);
  }

  @Test
  void noOverridesAreTheDefaults() {
    assertThat(RolePermissions.withOverrides(Map.of())).isEqualTo(RolePermissions.DEFAULTS);
  }

  @ParameterizedTest
  @EnumSource(value = Action.class, names = "READ", mode = EnumSource.Mode.EXCLUDE)
  void guestsCanNeverBeGrantedAWriteAction(Action action) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RolePermissions.withOverrides(Map.of(action, Role.GUEST)))
        .withMessageContaining(action.name());
  }

  @Test
  void oneGuestWriteAmongValidOverridesStillFails() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                RolePermissions.withOverrides(
                    Map.of(Action.INVITE, Role.ADMIN, Action.REACT, Role.GUEST)));
  }

  @Test
  void readCanBeRaisedAboveGuest() {
    assertThat(
            RolePermissions.withOverrides(Map.of(Action.READ, Role.MEMBER))
                .minimumRole(Action.READ))
        .isEqualTo(Role.MEMBER);
  }

  @Test
  void overridesAreCopiedAndReadOnly() {
    Map<Action, Role> source = new EnumMap<>(Action.class);
    source.put(Action.INVITE, Role.ADMIN);
    RolePermissions permissions = RolePermissions.withOverrides(source);
    source.put(Action.INVITE, Role.OWNER);
    assertThat(permissions.minimumRole(Action.INVITE)).isEqualTo(Role.ADMIN);
    assertThatThrownBy(() -> permissions.overrides().put(Action.POST, Role.ADMIN))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equalOverridesMakeEqualPermissions() {
    RolePermissions a = RolePermissions.withOverrides(Map.of(Action.PIN, Role.MEMBER));
    RolePermissions b = RolePermissions.withOverrides(Map.of(Action.PIN, Role.MEMBER));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(RolePermissions.DEFAULTS);
  }

  @Test
  void overrideWithoutARoleIsRefused() {
    java.util.Map<Action, Role> overrides = new java.util.HashMap<>();
    overrides.put(Action.POST, null);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> RolePermissions.withOverrides(overrides))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

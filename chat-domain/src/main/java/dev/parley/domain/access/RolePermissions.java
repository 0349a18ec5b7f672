package dev.parley.domain.access;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The minimum role per action in one room: the defaults of {@link Action}, overridden per room.
 * Guests stay read-only whatever the overrides say.
 */
public final class RolePermissions {
  public static final RolePermissions DEFAULTS = new RolePermissions(new EnumMap<>(Action.class));

  private final EnumMap<Action, Role> overrides;

  private RolePermissions(EnumMap<Action, Role> overrides) {
    this.overrides = overrides;
  }

  /**
   * Builds the permissions of a room from its overrides.
   *
   * @throws IllegalArgumentException when an override would let guests write
   */
  public static RolePermissions withOverrides(Map<Action, Role> overrides) {
    EnumMap<Action, Role> copy = new EnumMap<>(Action.class);
    overrides.forEach(
        (action, role) -> {
          if (action == null || role == null) {
            throw new IllegalArgumentException("an override names an action and a role");
          }
          if (action.writes() && role == Role.GUEST) {
            throw new IllegalArgumentException("guests are read-only: " + action + " needs MEMBER");
          }
          if (role != action.defaultMinimumRole()) {
            copy.put(action, role);
          }
        });
    return copy.isEmpty() ? DEFAULTS : new RolePermissions(copy);
  }

  public Role minimumRole(Action action) {
    return overrides.getOrDefault(action, action.defaultMinimumRole());
  }

  /** Only the actions that differ from the defaults. */
  public Map<Action, Role> overrides() {
    return Collections.unmodifiableMap(overrides);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RolePermissions that && overrides.equals(that.overrides);
  }

  @Override
  public int hashCode() {
    return overrides.hashCode();
  }

  @Override
  public String toString() {
    return "RolePermissions" + overrides;
  }
}

package dev.parley.application.port.in;

import dev.parley.domain.member.Membership;

/**
 * Changes a member's role. Needs {@code CHANGE_ROLE}, a role above the target's and at least the
 * granted one; a member may step down. The last owner cannot be demoted.
 */
public interface ChangeRoleUseCase {
  Membership changeRole(ChangeRoleCommand command);
}

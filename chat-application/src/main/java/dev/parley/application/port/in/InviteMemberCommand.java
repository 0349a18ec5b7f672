package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import dev.parley.domain.access.Role;
import dev.parley.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

/**
 * Whom to add.
 *
 * @param role MEMBER or GUEST; null for MEMBER
 */
public record InviteMemberCommand(
    @NotNull UserId actor, @NotNull @Id String roomId, @NotNull @Id String userId, Role role) {}

package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import dev.parley.domain.access.Role;
import dev.parley.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

/** The member and their new role. */
public record ChangeRoleCommand(
    @NotNull UserId actor,
    @NotNull @Id String roomId,
    @NotNull @Id String userId,
    @NotNull Role role) {}

package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import dev.parley.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

/** Whose mute to lift. */
public record UnmuteMemberCommand(
    @NotNull UserId actor, @NotNull @Id String roomId, @NotNull @Id String userId) {}

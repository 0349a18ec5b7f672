package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import dev.parley.domain.user.UserId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Whom to mute, and for how long.
 *
 * @param durationSeconds null for a mute until lifted
 */
public record MuteMemberCommand(
    @NotNull UserId actor,
    @NotNull @Id String roomId,
    @NotNull @Id String userId,
    @Positive @Max(BanMemberCommand.MAX_DURATION_SECONDS) Long durationSeconds) {}

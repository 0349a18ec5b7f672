package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import dev.parley.application.validation.VisibleText;
import dev.parley.domain.user.UserId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Whom to ban, for how long and why.
 *
 * @param durationSeconds null for a ban until lifted
 * @param reason shown to moderators; may be null
 */
public record BanMemberCommand(
    @NotNull UserId actor,
    @NotNull @Id String roomId,
    @NotNull @Id String userId,
    @Positive @Max(BanMemberCommand.MAX_DURATION_SECONDS) Long durationSeconds,
    @Size(max = 500) @VisibleText(multiline = true) String reason) {
  /** The longest ban or mute with an expiry: one year. Longer ones are "until lifted". */
  public static final long MAX_DURATION_SECONDS = 365L * 24 * 3600;
}

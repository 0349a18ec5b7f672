package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import dev.parley.domain.user.UserId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** Where the caller left off. */
public record ResumeRoomQuery(
    @NotNull UserId actor,
    @NotNull @Id String roomId,
    @PositiveOrZero long afterSequence,
    @Min(1) @Max(Page.MAX_LIMIT) Integer limit) {}

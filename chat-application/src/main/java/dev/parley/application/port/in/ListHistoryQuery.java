package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import dev.parley.domain.user.UserId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A window of history. At most one of before, after, around and cursor may be given; none means the
 * latest page.
 */
public record ListHistoryQuery(
    @NotNull UserId actor,
    @NotNull @Id String roomId,
    @PositiveOrZero Long before,
    @PositiveOrZero Long after,
    @PositiveOrZero Long around,
    @Size(max = 512) String cursor,
    @Min(1) @Max(Page.MAX_LIMIT) Integer limit) {}

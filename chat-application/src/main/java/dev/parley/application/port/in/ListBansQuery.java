package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import dev.parley.domain.user.UserId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A page of a room's bans in force.
 *
 * @param cursor from the previous page, or null for the first
 * @param limit 1-100, null for 50
 */
public record ListBansQuery(
    @NotNull UserId actor,
    @NotNull @Id String roomId,
    @Size(max = 512) String cursor,
    @Min(1) @Max(Page.MAX_LIMIT) Integer limit) {}

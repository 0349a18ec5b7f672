package dev.parley.application.port.in;

import dev.parley.domain.user.UserId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A page of the users the caller blocks. */
public record ListBlockedUsersQuery(
    @NotNull UserId actor,
    @Size(max = 512) String cursor,
    @Min(1) @Max(Page.MAX_LIMIT) Integer limit) {}

package dev.parley.application.port.in;

import dev.parley.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

/** Whose unread counts. */
public record GetUnreadCountsQuery(@NotNull UserId actor) {}

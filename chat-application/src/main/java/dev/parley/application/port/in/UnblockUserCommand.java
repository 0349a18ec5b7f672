package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import dev.parley.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

/** The caller lifts their block of {@code userId}. */
public record UnblockUserCommand(@NotNull UserId actor, @NotNull @Id String userId) {}

package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import dev.parley.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

/** A connection the transport has accepted. */
public record OpenConnectionCommand(@NotNull UserId actor, @NotNull @Id String connectionId) {}

package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import dev.parley.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

/** A typing notice. */
public record SendTypingCommand(
    @NotNull UserId actor, @NotNull @Id String roomId, boolean typing) {}

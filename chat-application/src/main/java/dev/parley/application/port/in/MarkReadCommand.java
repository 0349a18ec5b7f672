package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import dev.parley.domain.user.UserId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** How far the caller has read. */
public record MarkReadCommand(
    @NotNull UserId actor, @NotNull @Id String roomId, @PositiveOrZero long sequence) {}

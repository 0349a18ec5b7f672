package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import dev.parley.domain.user.UserId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A reaction to add. */
public record AddReactionCommand(
    @NotNull UserId actor,
    @NotNull @Id String roomId,
    @NotNull @Id String messageId,
    @NotNull @Size(min = 1, max = 64) String emoji) {}

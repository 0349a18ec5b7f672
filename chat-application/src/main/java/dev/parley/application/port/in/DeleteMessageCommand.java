package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import dev.parley.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

/** The message to delete. */
public record DeleteMessageCommand(
    @NotNull UserId actor, @NotNull @Id String roomId, @NotNull @Id String messageId) {}

package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import dev.parley.application.validation.MessageText;
import dev.parley.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

/** The new text of a message. */
public record EditMessageCommand(
    @NotNull UserId actor,
    @NotNull @Id String roomId,
    @NotNull @Id String messageId,
    @NotNull @MessageText String text) {}

package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import dev.parley.domain.user.UserId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** The first message to count as unread again. */
public record MarkUnreadCommand(
    @NotNull UserId actor, @NotNull @Id String roomId, @Positive long sequence) {}

package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import dev.parley.application.validation.IdempotencyKey;
import dev.parley.application.validation.MessageText;
import dev.parley.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

/**
 * A message to post.
 *
 * @param clientMessageId the idempotency key; null for none
 * @param parentId the thread root to reply to; null for a top-level message
 */
public record PostMessageCommand(
    @NotNull UserId actor,
    @NotNull @Id String roomId,
    @NotNull @MessageText String text,
    @IdempotencyKey String clientMessageId,
    @Id String parentId) {}

package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import dev.parley.domain.user.UserId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A page of a thread.
 *
 * @param messageId the thread root
 */
public record ListThreadRepliesQuery(
    @NotNull UserId actor,
    @NotNull @Id String roomId,
    @NotNull @Id String messageId,
    @Size(max = 512) String cursor,
    @Min(1) @Max(Page.MAX_LIMIT) Integer limit) {}

package dev.parley.application.port.in;

import dev.parley.application.validation.CodePoints;
import dev.parley.application.validation.VisibleText;
import dev.parley.domain.room.Room;
import dev.parley.domain.user.UserId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A page of the public room directory.
 *
 * @param prefix the start of the room names to list, in any case; null or empty for every room
 * @param cursor from the previous page of the same prefix, or null for the first
 * @param limit 1-100, null for 50
 */
public record ListPublicRoomsQuery(
    @NotNull UserId actor,
    @CodePoints(max = Room.MAX_NAME_LENGTH) @VisibleText String prefix,
    @Size(max = 512) String cursor,
    @Min(1) @Max(Page.MAX_LIMIT) Integer limit) {}

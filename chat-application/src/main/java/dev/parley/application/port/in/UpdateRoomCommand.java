package dev.parley.application.port.in;

import dev.parley.application.validation.CodePoints;
import dev.parley.application.validation.Id;
import dev.parley.application.validation.VisibleText;
import dev.parley.domain.access.Action;
import dev.parley.domain.access.Role;
import dev.parley.domain.room.Room;
import dev.parley.domain.user.UserId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/**
 * Changes to a room; null fields stay as they are.
 *
 * @param permissions minimum role per action to override; the other actions keep their current
 *     minimum
 */
public record UpdateRoomCommand(
    @NotNull UserId actor,
    @NotNull @Id String roomId,
    @CodePoints(min = 1, max = Room.MAX_NAME_LENGTH) @VisibleText String name,
    @CodePoints(max = Room.MAX_TOPIC_LENGTH) @VisibleText(multiline = true) String topic,
    @Valid RoomSettingsInput settings,
    Map<@NotNull Action, @NotNull Role> permissions) {}

package dev.parley.application.port.in;

import dev.parley.application.validation.CodePoints;
import dev.parley.application.validation.Id;
import dev.parley.application.validation.VisibleText;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomType;
import dev.parley.domain.user.UserId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new room.
 *
 * @param settings null for the defaults
 * @param invite users to add as members right away; null or empty for none
 */
public record CreateRoomCommand(
    @NotNull UserId actor,
    @NotBlank @CodePoints(max = Room.MAX_NAME_LENGTH) @VisibleText String name,
    @CodePoints(max = Room.MAX_TOPIC_LENGTH) @VisibleText(multiline = true) String topic,
    @NotNull RoomType type,
    @Valid RoomSettingsInput settings,
    @Size(max = 100) List<@NotNull @Id String> invite) {}

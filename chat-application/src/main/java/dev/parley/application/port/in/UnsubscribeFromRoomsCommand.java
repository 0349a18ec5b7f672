package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import dev.parley.domain.user.UserId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Rooms to unsubscribe a connection from. */
public record UnsubscribeFromRoomsCommand(
    @NotNull UserId actor,
    @NotNull @Id String connectionId,
    @NotNull @Size(min = 1, max = 100) List<@NotNull @Id String> roomIds) {}

package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import dev.parley.domain.user.UserId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Rooms to subscribe a connection to. */
public record SubscribeToRoomsCommand(
    @NotNull UserId actor,
    @NotNull @Id String connectionId,
    @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid RoomSubscription> rooms) {}

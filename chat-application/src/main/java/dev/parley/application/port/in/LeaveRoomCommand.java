package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import dev.parley.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

/** The room to leave. */
public record LeaveRoomCommand(@NotNull UserId actor, @NotNull @Id String roomId) {}

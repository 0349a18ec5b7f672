package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import dev.parley.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

/** The public room to join. */
public record JoinRoomCommand(@NotNull UserId actor, @NotNull @Id String roomId) {}

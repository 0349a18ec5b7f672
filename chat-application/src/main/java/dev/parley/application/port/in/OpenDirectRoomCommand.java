package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import dev.parley.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

/** The other user of a direct room. */
public record OpenDirectRoomCommand(@NotNull UserId actor, @NotNull @Id String userId) {}

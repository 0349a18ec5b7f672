package dev.parley.archfixture.good.application.port.in;

import jakarta.validation.constraints.NotNull;

/** A command record; Jakarta Validation constraints are allowed in the application. */
public record OpenRoomCommand(@NotNull String roomId, @NotNull String userId) {}

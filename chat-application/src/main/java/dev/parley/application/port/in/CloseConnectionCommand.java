package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import jakarta.validation.constraints.NotNull;

/** A connection that has closed. */
public record CloseConnectionCommand(@NotNull @Id String connectionId) {}

package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import jakarta.validation.constraints.NotNull;

/** The live connection whose user to name. */
public record GetConnectionOwnerQuery(@NotNull @Id String connectionId) {}

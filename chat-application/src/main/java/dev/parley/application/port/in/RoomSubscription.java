package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * One room of a subscribe request.
 *
 * @param afterSeq resume from here: the subscriber gets what it missed after this sequence; null
 *     for no resume
 */
public record RoomSubscription(@NotNull @Id String roomId, @PositiveOrZero Long afterSeq) {}

package dev.parley.archfixture.good.application.port.in;

import dev.parley.archfixture.good.domain.room.Room;

/** A result record. */
public record OpenedRoom(Room room, boolean created) {}

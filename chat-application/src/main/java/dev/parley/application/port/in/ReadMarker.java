package dev.parley.application.port.in;

import dev.parley.domain.room.RoomId;

/** A member's read position in a room and what is left unread after it. */
public record ReadMarker(RoomId roomId, long lastRead, long lastSequence, long unreadCount) {}

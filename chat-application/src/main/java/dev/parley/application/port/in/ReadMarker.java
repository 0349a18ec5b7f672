package dev.parley.application.port.in;

import dev.parley.domain.room.RoomId;

/**
 * A member's read position in a room and what is left unread after it.
 *
 * @param mentionCount how many messages after {@code lastRead} mention the member
 */
public record ReadMarker(
    RoomId roomId, long lastRead, long lastSequence, long unreadCount, long mentionCount) {}

package dev.parley.application.port.in;

import dev.parley.domain.access.Role;
import dev.parley.domain.room.Room;

/**
 * A room as the caller sees it.
 *
 * @param yourRole the caller's role, or null when the caller is not a member (public rooms)
 * @param lastSequence the room's latest message sequence, 0 when empty
 * @param lastRead the caller's read marker, 0 when not a member
 * @param unreadCount messages after the marker, not deleted, not the caller's own; 0 for
 *     non-members
 * @param mentionCount unread messages that mention the caller; 0 for non-members
 */
public record RoomSummary(
    Room room,
    Role yourRole,
    long lastSequence,
    long lastRead,
    long unreadCount,
    long mentionCount) {}

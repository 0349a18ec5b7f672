package dev.parley.application.service;

import dev.parley.domain.member.Ban;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.Room;
import dev.parley.domain.user.UserId;
import java.time.Instant;

/**
 * A room as seen by one actor at one instant.
 *
 * @param membership the actor's membership, or null when not a member
 * @param ban the actor's ban, or null (only looked up for non-members: members are never banned)
 */
record RoomContext(Room room, UserId actor, Membership membership, Ban ban, Instant now) {}

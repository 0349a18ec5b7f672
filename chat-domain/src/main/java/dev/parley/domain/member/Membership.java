package dev.parley.domain.member;

import dev.parley.domain.access.Role;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A user's membership of a room.
 *
 * @param mutedUntil when a mute ends; null when not muted; {@link Instant#MAX} for a mute without
 *     expiry
 */
public record Membership(
    RoomId roomId, UserId userId, Role role, Instant joinedAt, Instant mutedUntil) {

  public Membership {
    Objects.requireNonNull(roomId, "roomId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(joinedAt, "joinedAt");
  }

  public static Membership join(RoomId roomId, UserId userId, Role role, Instant now) {
    return new Membership(roomId, userId, role, now, null);
  }

  public boolean isMutedAt(Instant now) {
    return mutedUntil != null && now.isBefore(mutedUntil);
  }

  public Membership withRole(Role newRole) {
    return new Membership(roomId, userId, newRole, joinedAt, mutedUntil);
  }

  /** Mutes until {@code until}, or indefinitely when {@code until} is null. */
  public Membership mutedUntil(Instant until) {
    return new Membership(roomId, userId, role, joinedAt, until == null ? Instant.MAX : until);
  }

  public Membership unmuted() {
    return new Membership(roomId, userId, role, joinedAt, null);
  }
}

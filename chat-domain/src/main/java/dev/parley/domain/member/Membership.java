package dev.parley.domain.member;

import dev.parley.domain.access.Role;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A user's membership of a room.
 *
 * @param mutedUntil when a mute ends; null when not muted; {@link #INDEFINITELY} for a mute without
 *     expiry
 */
public record Membership(
    RoomId roomId, UserId userId, Role role, Instant joinedAt, Instant mutedUntil) {

  /**
   * The end of a mute without expiry: the last second of year 9999, which every store can hold
   * (unlike {@link Instant#MAX}, beyond PostgreSQL's timestamps and epoch milliseconds).
   */
  // 9999-12-31T23:59:59Z; not Instant.parse, which loads java.time's whole formatting machinery
  // into every cold start that touches a membership.
  public static final Instant INDEFINITELY = Instant.ofEpochSecond(253_402_300_799L);

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
    return new Membership(roomId, userId, role, joinedAt, until == null ? INDEFINITELY : until);
  }

  public Membership unmuted() {
    return new Membership(roomId, userId, role, joinedAt, null);
  }
}

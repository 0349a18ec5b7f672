package dev.parley.domain.member;

import dev.parley.domain.room.RoomId;
import dev.parley.domain.shared.Characters;
import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A ban of a user from a room.
 *
 * @param expiresAt when the ban lapses by itself; null for a ban that lasts until lifted
 * @param reason free text for moderators, {@linkplain Characters#isVisibleMultilineText visible
 *     text}, lines allowed; may be empty, never null
 */
public record Ban(
    RoomId roomId,
    UserId userId,
    UserId bannedBy,
    Instant bannedAt,
    Instant expiresAt,
    String reason) {

  public Ban {
    Objects.requireNonNull(roomId, "roomId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(bannedBy, "bannedBy");
    Objects.requireNonNull(bannedAt, "bannedAt");
    reason = reason == null ? "" : reason;
    if (!Characters.isVisibleMultilineText(reason)) {
      throw new IllegalArgumentException("a ban reason must be visible text");
    }
  }

  /** Whether the ban still holds at {@code now}; an expired ban no longer keeps anyone out. */
  public boolean activeAt(Instant now) {
    return expiresAt == null || now.isBefore(expiresAt);
  }
}

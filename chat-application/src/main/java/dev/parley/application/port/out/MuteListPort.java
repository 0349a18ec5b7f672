package dev.parley.application.port.out;

import dev.parley.domain.member.Membership;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.List;

/** Lists a room's muted members for its moderators. */
public interface MuteListPort {
  /**
   * Up to {@code limit} memberships of the room {@linkplain Membership#isMutedAt muted} at {@code
   * now}, ordered by user id, after {@code afterUserId} (exclusive; null for the first page); never
   * null. Lapsed mutes are left out.
   */
  List<Membership> mutes(RoomId roomId, UserId afterUserId, Instant now, int limit);
}

package dev.parley.application.port.out;

import dev.parley.domain.member.Ban;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.List;

/** Lists a room's bans for its moderators. */
public interface BanListPort {
  /**
   * Up to {@code limit} bans of the room still {@linkplain Ban#activeAt in force} at {@code now},
   * ordered by user id, after {@code afterUserId} (exclusive; null for the first page); never null.
   * Expired bans the store still keeps are left out.
   */
  List<Ban> bans(RoomId roomId, UserId afterUserId, Instant now, int limit);
}

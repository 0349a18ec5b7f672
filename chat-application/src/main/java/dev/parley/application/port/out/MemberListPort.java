package dev.parley.application.port.out;

import dev.parley.domain.access.Role;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.util.List;

/** Lists memberships both ways: a room's members, and a user's rooms. */
public interface MemberListPort {
  /**
   * A room's members ordered by user id, starting after {@code afterUserId} (exclusive; null for
   * the first page), at most {@code limit}.
   */
  List<Membership> members(RoomId roomId, UserId afterUserId, int limit);

  /**
   * A user's memberships ordered by room id, starting after {@code afterRoomId} (exclusive; null
   * for the first page), at most {@code limit}.
   */
  List<Membership> roomsOf(UserId userId, RoomId afterRoomId, int limit);

  /** How many members of the room hold {@code role}. */
  long countWithRole(RoomId roomId, Role role);
}

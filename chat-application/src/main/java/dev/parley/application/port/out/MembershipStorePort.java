package dev.parley.application.port.out;

import dev.parley.domain.member.Membership;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.util.Optional;

/** Stores who is a member of which room, with their role and mute. */
public interface MembershipStorePort {
  Optional<Membership> find(RoomId roomId, UserId userId);

  /** Inserts or replaces the membership of this room and user. */
  void save(Membership membership);

  /** Removes the membership; idempotent. Returns whether there was one. */
  boolean remove(RoomId roomId, UserId userId);
}

package dev.parley.application.port.out;

import dev.parley.domain.member.Ban;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.util.Optional;

/** Stores bans. Expired bans may still be returned; callers check {@link Ban#activeAt}. */
public interface BanStorePort {
  Optional<Ban> find(RoomId roomId, UserId userId);

  /** Inserts or replaces the ban of this room and user. */
  void save(Ban ban);

  /** Lifts the ban; idempotent. Returns whether there was one. */
  boolean remove(RoomId roomId, UserId userId);
}

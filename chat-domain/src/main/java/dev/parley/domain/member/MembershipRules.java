package dev.parley.domain.member;

import dev.parley.domain.access.Decision;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomType;
import java.time.Instant;

/** Rules about entering and leaving a room that are not a matter of the actor's role. */
public final class MembershipRules {
  private MembershipRules() {}

  /**
   * May a user join {@code room} by themselves? Only public, unarchived rooms, and not while an
   * active ban holds.
   *
   * @param ban the user's ban in this room, or null
   */
  public static Decision mayJoin(Room room, Ban ban, Instant now) {
    if (room.archived()) {
      return Decision.deny(DenialReason.ROOM_ARCHIVED);
    }
    if (room.type() != RoomType.PUBLIC) {
      return Decision.deny(DenialReason.NOT_PUBLIC);
    }
    if (ban != null && ban.activeAt(now)) {
      return Decision.deny(DenialReason.BANNED);
    }
    return Decision.allow();
  }

  /** May this user be added to a room by someone else? Not while an active ban holds. */
  public static Decision mayBeAdded(Room room, Ban ban, Instant now) {
    if (room.type() == RoomType.DIRECT) {
      return Decision.deny(DenialReason.DIRECT_ROOM);
    }
    if (ban != null && ban.activeAt(now)) {
      return Decision.deny(DenialReason.BANNED);
    }
    return Decision.allow();
  }

  /**
   * May {@code membership} stop being an owner (by leaving or being demoted)? Not when it is the
   * last owner: a room always keeps one.
   *
   * @param owners how many owners the room has now, this one included
   */
  public static Decision mayGiveUpOwnership(Membership membership, long owners) {
    if (membership.role() == Role.OWNER && owners <= 1) {
      return Decision.deny(DenialReason.LAST_OWNER);
    }
    return Decision.allow();
  }

  /**
   * May a member leave? Not the last owner, and nobody leaves a direct room. A mute does not hold a
   * member in: leaving is not speaking. The mute lives on the membership, so it does not follow a
   * member who leaves and rejoins a public room; a ban is the tool that keeps someone out.
   */
  public static Decision mayLeave(Room room, Membership membership, long owners) {
    if (room.type() == RoomType.DIRECT) {
      return Decision.deny(DenialReason.DIRECT_ROOM);
    }
    return mayGiveUpOwnership(membership, owners);
  }
}

package dev.parley.application.port.out;

import dev.parley.domain.member.Membership;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;

/**
 * Takes ownership away from a member only while the room keeps another owner. The count and the
 * write are one atomic step in the store, so owners stepping down or leaving at the same instant
 * can never leave a room without an owner. Results are never null.
 */
public interface OwnerStepDownPort {
  /**
   * Inserts or replaces the membership, unless the stored one is the room's last owner and {@code
   * membership} is not an owner.
   */
  StepDown saveUnlessLastOwner(Membership membership);

  /**
   * Removes the membership unless it is the room's last owner; idempotent (an absent membership
   * answers {@link StepDown.Applied}).
   */
  StepDown removeUnlessLastOwner(RoomId roomId, UserId userId);
}

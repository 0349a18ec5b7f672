package dev.parley.application.port.out;

import dev.parley.domain.user.UserId;
import java.util.List;

/** Each user's list of the users they block. */
public interface BlockListPort {
  /** Records that {@code blocker} blocks {@code blocked}; idempotent. */
  void block(UserId blocker, UserId blocked);

  /** Forgets the block; idempotent. Returns whether there was one. */
  boolean unblock(UserId blocker, UserId blocked);

  /**
   * Up to {@code limit} of the users {@code blocker} blocks, ordered by user id, after {@code
   * after} (null: from the start). Never null.
   */
  List<UserId> blockedBy(UserId blocker, UserId after, int limit);
}

package dev.parley.domain.message;

import dev.parley.domain.room.RoomId;
import java.util.Optional;

/** Threads are one level deep: a reply's parent is a live, top-level message of the same room. */
public final class ThreadRules {
  private ThreadRules() {}

  /** Why a message cannot be a thread root. */
  public enum Problem {
    PARENT_IS_A_REPLY,
    PARENT_DELETED,
    PARENT_IN_OTHER_ROOM
  }

  /** What stops {@code parent} from taking a reply posted in {@code roomId}, if anything. */
  public static Optional<Problem> problemWithParent(Message parent, RoomId roomId) {
    if (!parent.roomId().equals(roomId)) {
      return Optional.of(Problem.PARENT_IN_OTHER_ROOM);
    }
    if (parent.isReply()) {
      return Optional.of(Problem.PARENT_IS_A_REPLY);
    }
    if (parent.deleted()) {
      return Optional.of(Problem.PARENT_DELETED);
    }
    return Optional.empty();
  }
}

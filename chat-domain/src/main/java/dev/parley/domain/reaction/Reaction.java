package dev.parley.domain.reaction;

import dev.parley.domain.user.UserId;
import java.util.List;

/**
 * One emoji on one message: how many reacted and who, in the order they reacted.
 *
 * @param users never empty; its size is the count
 */
public record Reaction(Emoji emoji, List<UserId> users) {
  /** At most this many distinct emoji on one message. */
  public static final int MAX_DISTINCT_PER_MESSAGE = 20;

  public Reaction {
    users = List.copyOf(users);
    if (users.isEmpty()) {
      throw new IllegalArgumentException("a reaction has at least one user");
    }
  }

  public int count() {
    return users.size();
  }

  public boolean by(UserId user) {
    return users.contains(user);
  }
}

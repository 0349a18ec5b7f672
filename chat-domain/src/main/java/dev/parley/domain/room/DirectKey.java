package dev.parley.domain.room;

import dev.parley.domain.user.UserId;

/**
 * The unordered pair of users of a direct room, in a canonical order, so "alice and bob" and "bob
 * and alice" are the same key and a pair has at most one direct room.
 */
public record DirectKey(UserId first, UserId second) {
  public DirectKey {
    if (first.compareTo(second) >= 0) {
      throw new IllegalArgumentException("a direct key needs two distinct users in order");
    }
  }

  public static DirectKey of(UserId a, UserId b) {
    if (a.equals(b)) {
      throw new IllegalArgumentException("a direct room needs two distinct users");
    }
    return a.compareTo(b) < 0 ? new DirectKey(a, b) : new DirectKey(b, a);
  }

  public boolean includes(UserId user) {
    return first.equals(user) || second.equals(user);
  }

  /** A stable string form, for stores that key on strings. */
  public String asString() {
    return first.value() + "\n" + second.value();
  }
}

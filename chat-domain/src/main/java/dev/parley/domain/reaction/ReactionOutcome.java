package dev.parley.domain.reaction;

/** What adding or removing a reaction did. */
public enum ReactionOutcome {
  ADDED,
  REMOVED,
  /** The user had already reacted with this emoji (adding) or had not (removing): no change. */
  UNCHANGED,
  /** The message already carries {@link Reaction#MAX_DISTINCT_PER_MESSAGE} other emoji. */
  LIMIT_REACHED;

  public boolean changed() {
    return this == ADDED || this == REMOVED;
  }
}

package dev.parley.domain.access;

/**
 * A member's role in a room, ordered by power level in the spirit of Matrix: a higher level may act
 * on a lower one, never on an equal or higher one.
 */
public enum Role {
  OWNER(100),
  ADMIN(75),
  MODERATOR(50),
  MEMBER(10),
  /** Read-only. */
  GUEST(0);

  private final int powerLevel;

  Role(int powerLevel) {
    this.powerLevel = powerLevel;
  }

  public int powerLevel() {
    return powerLevel;
  }

  /** Whether this role is strictly above {@code other}. */
  public boolean outranks(Role other) {
    return powerLevel > other.powerLevel;
  }

  /** Whether this role is {@code other} or above. */
  public boolean atLeast(Role other) {
    return powerLevel >= other.powerLevel;
  }
}

package dev.parley.domain.shared;

/** Shared checks for the string identifiers of the domain (room, user, message, connection ids). */
public final class Identifiers {
  /** Longest identifier accepted; well under DynamoDB's 1,024-byte sort-key limit. */
  public static final int MAX_LENGTH = 128;

  private Identifiers() {}

  /**
   * Returns {@code value} when it is a usable identifier: 1 to {@link #MAX_LENGTH} characters, no
   * whitespace, no {@linkplain Characters#isHidden hidden characters} and no joiners either (so no
   * look-alike ids), no '/' (ids travel in URL paths), nothing outside the Basic Multilingual
   * Plane.
   *
   * @throws IllegalArgumentException otherwise; callers validate user input before this point
   */
  public static String require(String kind, String value) {
    if (!isValid(value)) {
      throw new IllegalArgumentException(kind + " must be 1-" + MAX_LENGTH + " visible characters");
    }
    return value;
  }

  /** Whether {@code value} is a usable identifier (see {@link #require}). */
  public static boolean isValid(String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c)
          || Characters.isHidden(c)
          || Character.getType(c) == Character.FORMAT
          || c == '/') {
        return false;
      }
      if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}

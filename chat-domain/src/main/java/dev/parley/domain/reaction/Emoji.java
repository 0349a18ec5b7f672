package dev.parley.domain.reaction;

/**
 * A reaction key: an emoji (one or more code points, such as a flag or a skin-toned hand) or a
 * short code like {@code thumbsup}. 1 to {@link #MAX_CODE_POINTS} code points, valid Unicode, no
 * whitespace or control characters, no '/' (it travels in URL paths).
 */
public record Emoji(String value) {
  public static final int MAX_CODE_POINTS = 32;

  public Emoji {
    if (!isValid(value)) {
      throw new IllegalArgumentException("not a valid reaction: " + value);
    }
  }

  public static Emoji of(String value) {
    return new Emoji(value);
  }

  public static boolean isValid(String value) {
    if (value == null || value.isEmpty()) {
      return false;
    }
    int count = 0;
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      if (Character.isWhitespace(cp)
          || Character.isISOControl(cp)
          || cp == '/'
          || (cp <= Character.MAX_VALUE && Character.isSurrogate((char) cp))) {
        return false;
      }
      count++;
      i += Character.charCount(cp);
    }
    return count <= MAX_CODE_POINTS;
  }

  @Override
  public String toString() {
    return value;
  }
}

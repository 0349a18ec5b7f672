package dev.parley.domain.shared;

/**
 * Which characters the domain lets into the texts people read (room names, topics, ban reasons,
 * idempotency keys) and into identifiers. One rule for all of them, so a store never receives a
 * character another store could not keep (PostgreSQL refuses NUL in text) and nothing invisible can
 * make two names look alike or reorder what is shown around them.
 */
public final class Characters {
  private static final char ZERO_WIDTH_NON_JOINER = '\u200C';
  private static final char ZERO_WIDTH_JOINER = '\u200D';

  private Characters() {}

  /**
   * Whether {@code codePoint} is invisible or steers how text around it is shown: a control
   * character (Unicode category Cc), a format character (Cf: zero-width space, bidirectional
   * overrides, the byte-order mark), a line or paragraph separator, or a space other than the ASCII
   * one (no-break, em, ideographic). The zero-width joiner and non-joiner are allowed: emoji
   * sequences and several scripts (Persian, Indic) need them to be written at all.
   */
  public static boolean isHidden(int codePoint) {
    if (codePoint == ZERO_WIDTH_JOINER || codePoint == ZERO_WIDTH_NON_JOINER) {
      return false;
    }
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR ->
          true;
      case Character.SPACE_SEPARATOR -> codePoint != ' ';
      default -> false;
    };
  }

  /**
   * Whether {@code text} is valid Unicode (no unpaired surrogates) with no {@linkplain #isHidden
   * hidden} character. The empty string passes; length and blankness are the caller's rules.
   */
  public static boolean isVisibleText(String text) {
    return isVisible(text, false);
  }

  /**
   * As {@link #isVisibleText}, but newline and tab are allowed too, as in a message body: for texts
   * that may span lines (a topic, a ban reason).
   */
  public static boolean isVisibleMultilineText(String text) {
    return isVisible(text, true);
  }

  private static boolean isVisible(String text, boolean multiline) {
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      boolean lineBreakOrTab = codePoint == '\n' || codePoint == '\t';
      if (Character.isSurrogate((char) codePoint)
          || (isHidden(codePoint) && !(multiline && lineBreakOrTab))) {
        return false;
      }
      i += Character.charCount(codePoint);
    }
    return true;
  }
}

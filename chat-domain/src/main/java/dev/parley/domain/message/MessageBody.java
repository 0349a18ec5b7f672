package dev.parley.domain.message;

/**
 * The text of a message: valid Unicode, not blank after trimming, no control characters other than
 * newline and tab, and at most the room's limit in code points (so an emoji or a letter with a
 * combining mark counts as the code points it is made of, never as UTF-16 units). The text is kept
 * exactly as sent: nothing is trimmed or normalised away.
 *
 * <p>The only way to get one is {@link #check}, so every instance is valid.
 */
public final class MessageBody {
  private final String text;
  private final int codePoints;

  private MessageBody(String text, int codePoints) {
    this.text = text;
    this.codePoints = codePoints;
  }

  /** Checks {@code raw} against the rules with a limit of {@code maxCodePoints}. Never null. */
  public static BodyCheck check(String raw, int maxCodePoints) {
    if (raw == null || raw.isBlank()) {
      return new BodyCheck.Invalid(BodyCheck.Problem.BLANK, "must not be blank");
    }
    int count = 0;
    for (int i = 0; i < raw.length(); ) {
      char c = raw.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < raw.length()
          && Character.isLowSurrogate(raw.charAt(i + 1))) {
        count++;
        i += 2;
        continue;
      }
      if (Character.isSurrogate(c)) {
        return new BodyCheck.Invalid(
            BodyCheck.Problem.INVALID_UNICODE, "contains an unpaired surrogate at index " + i);
      }
      if (Character.getType(c) == Character.CONTROL && c != '\n' && c != '\t') {
        return new BodyCheck.Invalid(
            BodyCheck.Problem.CONTROL_CHARACTER,
            String.format("contains control character U+%04X at index %d", (int) c, i));
      }
      count++;
      i++;
    }
    if (count > maxCodePoints) {
      return new BodyCheck.Invalid(
          BodyCheck.Problem.TOO_LONG,
          "must be at most " + maxCodePoints + " characters, was " + count);
    }
    return new BodyCheck.Valid(new MessageBody(raw, count));
  }

  public String text() {
    return text;
  }

  public int codePointLength() {
    return codePoints;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MessageBody that && text.equals(that.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return "MessageBody[" + codePoints + " code points]";
  }

  /**
   * A body for text already known to be valid (tests, stored data), checked against the hard
   * ceiling.
   *
   * @throws IllegalArgumentException when the text breaks a rule
   */
  public static MessageBody of(String text) {
    BodyCheck check = check(text, dev.parley.domain.room.RoomSettings.HARD_MAX_MESSAGE_LENGTH);
    if (check instanceof BodyCheck.Valid valid) {
      return valid.body();
    }
    throw new IllegalArgumentException(((BodyCheck.Invalid) check).detail());
  }
}

package dev.parley.domain.message;

import dev.parley.domain.shared.Characters;

/**
 * The client's idempotency key for a post, unique per author and room: posting twice with the same
 * key stores one message (Matrix transaction ids, Stream message ids). 1 to {@link #MAX_LENGTH}
 * characters, not blank, {@linkplain Characters#isVisibleText visible text}.
 */
public record ClientMessageId(String value) {
  public static final int MAX_LENGTH = 64;

  public ClientMessageId {
    if (!isValid(value)) {
      throw new IllegalArgumentException(
          "client message id must be 1-" + MAX_LENGTH + " visible characters");
    }
  }

  /** Whether {@code value} is a usable key; validation at the edge asks this same question. */
  public static boolean isValid(String value) {
    return value != null
        && !value.isBlank()
        && value.length() <= MAX_LENGTH
        && Characters.isVisibleText(value);
  }

  public static ClientMessageId of(String value) {
    return new ClientMessageId(value);
  }
}

package dev.parley.domain.message;

/**
 * The client's idempotency key for a post, unique per author and room: posting twice with the same
 * key stores one message (Matrix transaction ids, Stream message ids).
 */
public record ClientMessageId(String value) {
  public static final int MAX_LENGTH = 64;

  public ClientMessageId {
    if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("client message id must be 1-" + MAX_LENGTH + " chars");
    }
  }

  public static ClientMessageId of(String value) {
    return new ClientMessageId(value);
  }
}

package dev.parley.application.error;

import java.time.Duration;

/**
 * A fault, not a refusal: the store is down, slow or throttling. Adapters throw it instead of
 * hanging; edges answer 503 with {@code Retry-After}.
 */
public final class StoreUnavailableException extends ChatException {
  private final Duration retryAfter;

  public StoreUnavailableException(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.STORE_UNAVAILABLE;
  }
}

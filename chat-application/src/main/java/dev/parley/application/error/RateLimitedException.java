package dev.parley.application.error;

import java.time.Duration;
import java.time.Instant;

/**
 * Too many requests: per-user limits or the room's slow mode. Carries what an HTTP edge needs for
 * {@code Retry-After} and the {@code X-RateLimit-*} headers.
 *
 * @param limit how many requests the window allows
 * @param resetAt when the window frees up again
 */
public final class RateLimitedException extends ChatException {
  private final Duration retryAfter;
  private final int limit;
  private final Instant resetAt;

  public RateLimitedException(String message, Duration retryAfter, int limit, Instant resetAt) {
    super(message);
    this.retryAfter = retryAfter;
    this.limit = limit;
    this.resetAt = resetAt;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  public int limit() {
    return limit;
  }

  public Instant resetAt() {
    return resetAt;
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.RATE_LIMITED;
  }
}

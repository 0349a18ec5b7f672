package dev.parley.application.port.in;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a caller stands against the limit a request counted towards, for an edge to report (the
 * {@code X-RateLimit-*} headers). When a request counts towards several limits (a post in slow
 * mode), the tighter one.
 *
 * @param limit how many requests the window allows; at least 1
 * @param remaining requests left in the window after this one; 0 when refused
 * @param resetAt when the window frees up again; never null
 */
public record RateLimitStatus(int limit, int remaining, Instant resetAt) {
  public RateLimitStatus {
    Objects.requireNonNull(resetAt, "resetAt");
    if (limit < 1 || remaining < 0) {
      throw new IllegalArgumentException("a limit of at least 1 and no negative remainder");
    }
  }

  /** The tighter of two: fewer requests left, else the later reset. */
  public RateLimitStatus tighter(RateLimitStatus other) {
    if (remaining != other.remaining) {
      return remaining < other.remaining ? this : other;
    }
    return resetAt.isAfter(other.resetAt) ? this : other;
  }
}

package dev.parley.application.port.out;

import java.time.Duration;
import java.time.Instant;

/** Counts requests per key in fixed windows, for per-user limits and slow mode. */
public interface RateLimitPort {
  /**
   * Takes one permit for {@code key} under {@code limit}. Atomic: of concurrent calls over the
   * limit, exactly {@code limit.permits()} per window are permitted.
   */
  RateDecision acquire(String key, Limit limit, Instant now);

  /** At most {@code permits} requests per {@code window}. */
  record Limit(int permits, Duration window) {
    public Limit {
      if (permits < 1 || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("a limit needs at least one permit and a window");
      }
    }
  }

  /** The answer of {@link #acquire}. */
  sealed interface RateDecision permits Permitted, Throttled {}

  /**
   * @param remaining permits left in the window after this one
   */
  record Permitted(int limit, int remaining, Instant resetAt) implements RateDecision {}

  record Throttled(int limit, Instant resetAt) implements RateDecision {}
}

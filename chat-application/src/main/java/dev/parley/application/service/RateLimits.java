package dev.parley.application.service;

import dev.parley.application.error.RateLimitedException;
import dev.parley.application.port.in.Metered;
import dev.parley.application.port.in.RateLimitStatus;
import dev.parley.application.port.out.RateLimitPort;
import dev.parley.application.port.out.RateLimitPort.Limit;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/** Takes permits from the rate-limit port and turns a refusal into {@link RateLimitedException}. */
@Singleton
final class RateLimits {
  private final RateLimitPort port;

  @Inject
  RateLimits(RateLimitPort port) {
    this.port = port;
  }

  /**
   * Takes a permit and says where the caller stands afterwards.
   *
   * @throws RateLimitedException when the key is over its limit
   */
  RateLimitStatus require(String key, Limit limit, Instant now, String what) {
    return switch (port.acquire(key, limit, now)) {
      case RateLimitPort.Permitted p -> {
        RateLimitStatus status = new RateLimitStatus(p.limit(), p.remaining(), p.resetAt());
        Metered.note(status);
        yield status;
      }
      case RateLimitPort.Throttled t -> throw throttled(t, now, what);
    };
  }

  /** Whether a permit was available; for notices that are dropped silently when over the limit. */
  boolean tryAcquire(String key, Limit limit, Instant now) {
    return port.acquire(key, limit, now) instanceof RateLimitPort.Permitted;
  }

  private static RateLimitedException throttled(
      RateLimitPort.Throttled throttled, Instant now, String what) {
    Duration retryAfter = Duration.between(now, throttled.resetAt());
    if (retryAfter.isNegative()) {
      retryAfter = Duration.ZERO;
    }
    return new RateLimitedException(what, retryAfter, throttled.limit(), throttled.resetAt());
  }
}

package dev.parley.protocol.http;

import dev.parley.application.port.in.RateLimitStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code X-RateLimit-*} headers of a limited route's answer, accepted or refused alike, so that
 * a client can slow down before it is refused.
 */
public final class RateLimitHeaders {
  public static final String LIMIT = "X-RateLimit-Limit";
  public static final String REMAINING = "X-RateLimit-Remaining";
  public static final String RESET = "X-RateLimit-Reset";

  private RateLimitHeaders() {}

  /** The headers for {@code status}; none when it is null (an answer that took no permit). */
  public static Map<String, String> of(RateLimitStatus status) {
    if (status == null) {
      return Map.of();
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(LIMIT, Integer.toString(status.limit()));
    headers.put(REMAINING, Integer.toString(status.remaining()));
    headers.put(RESET, Long.toString(epochSeconds(status.resetAt())));
    return headers;
  }

  private static long epochSeconds(Instant instant) {
    return instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0);
  }
}

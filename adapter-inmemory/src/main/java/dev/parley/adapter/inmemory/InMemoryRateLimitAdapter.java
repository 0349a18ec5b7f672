package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.RateLimitPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window counters in memory, thread-safe. Windows are aligned to the Unix epoch (a 10 s
 * window runs from :00 to :10, :10 to :20 ...), so every node computes the same window for an
 * instant. Never returns null; of concurrent acquires exactly {@code limit.permits()} per key and
 * window are permitted.
 */
@Singleton
public final class InMemoryRateLimitAdapter implements RateLimitPort {
  @Inject
  public InMemoryRateLimitAdapter() {}

  /** One key's current window; guarded by its own monitor. */
  private static final class Window {
    private long startMillis = Long.MIN_VALUE;
    private int used;
  }

  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  @Override
  public RateDecision acquire(String key, Limit limit, Instant now) {
    long windowMillis = limit.window().toMillis();
    if (windowMillis < 1) {
      throw new IllegalArgumentException("windows shorter than a millisecond are not supported");
    }
    long start = Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis;
    Window window = windows.get(key);
    if (window == null) {
      window = windows.computeIfAbsent(key, k -> new Window());
    }
    int used;
    synchronized (window) {
      // A late caller with an older instant counts against the newer window rather than reopening
      // the old one, so windows never flip back and forth.
      if (start > window.startMillis) {
        window.startMillis = start;
        window.used = 0;
      }
      start = window.startMillis;
      used = window.used < limit.permits() ? ++window.used : -1;
    }
    Instant resetAt = Instant.ofEpochMilli(start + windowMillis);
    return used < 0
        ? new Throttled(limit.permits(), resetAt)
        : new Permitted(limit.permits(), limit.permits() - used, resetAt);
  }
}

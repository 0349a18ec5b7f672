package dev.parley.testkit.adapter;

import dev.parley.application.port.out.ClockPort;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when told to, for tests of expiry, slow mode and rate limits. Starts at
 * {@link #DEFAULT_START} unless given another instant. Thread-safe: concurrent {@link #advance}
 * calls all add up. {@link #now()} never returns null.
 */
public final class ControllableClockAdapter implements ClockPort {
  /** Where a clock created without an instant starts. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  private final AtomicReference<Instant> now;

  public ControllableClockAdapter() {
    this(DEFAULT_START);
  }

  public ControllableClockAdapter(Instant start) {
    this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
  }

  @Override
  public Instant now() {
    return now.get();
  }

  /**
   * Moves the clock forward by {@code step} and returns the new time.
   *
   * @throws IllegalArgumentException for a negative step; use {@link #set} to go back in time
   */
  public Instant advance(Duration step) {
    if (step.isNegative()) {
      throw new IllegalArgumentException("advance moves forward only; use set(): " + step);
    }
    return now.accumulateAndGet(null, (current, ignored) -> current.plus(step));
  }

  /** Puts the clock at {@code instant}, backwards too. */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }
}

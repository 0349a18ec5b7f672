package dev.parley.testkit.contract;

import java.time.Instant;

/** Fixed instants for the suites: whole milliseconds, aligned to every window up to a day. */
final class Instants {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private Instants() {}

  static Instant plusMillis(long millis) {
    return T0.plusMillis(millis);
  }

  static Instant plusSeconds(long seconds) {
    return T0.plusSeconds(seconds);
  }
}

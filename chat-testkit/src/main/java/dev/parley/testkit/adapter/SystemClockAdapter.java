package dev.parley.testkit.adapter;

import dev.parley.application.port.out.ClockPort;
import java.time.Instant;

/** The system clock: {@link Instant#now()}. Never returns null; stateless and thread-safe. */
public final class SystemClockAdapter implements ClockPort {
  @Override
  public Instant now() {
    return Instant.now();
  }
}

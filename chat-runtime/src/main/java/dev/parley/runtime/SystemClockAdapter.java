package dev.parley.runtime;

import dev.parley.application.port.out.ClockPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;

/** The system clock: {@link Instant#now()}. Never returns null; stateless and thread-safe. */
@Singleton
public final class SystemClockAdapter implements ClockPort {
  @Inject
  public SystemClockAdapter() {}

  @Override
  public Instant now() {
    return Instant.now();
  }
}

package dev.parley.application.port.out;

import java.time.Instant;

/** The current time. Used for timestamps and expiry, never for ordering messages. */
public interface ClockPort {
  Instant now();
}

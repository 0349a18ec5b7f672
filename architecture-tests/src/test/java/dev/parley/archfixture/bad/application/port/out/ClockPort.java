package dev.parley.archfixture.bad.application.port.out;

import java.time.Instant;

/** A well-formed port; the bad adapters implement it. */
public interface ClockPort {
  Instant now();
}

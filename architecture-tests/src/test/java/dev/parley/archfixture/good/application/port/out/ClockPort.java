package dev.parley.archfixture.good.application.port.out;

import java.time.Instant;

/** An outbound port. */
public interface ClockPort {
  Instant now();
}

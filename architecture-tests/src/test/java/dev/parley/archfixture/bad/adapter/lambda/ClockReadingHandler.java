package dev.parley.archfixture.bad.adapter.lambda;

import dev.parley.archfixture.bad.application.port.out.ClockPort;
import java.time.Instant;

/** Violates: an inbound adapter that reads an outbound port instead of calling a use case. */
public final class ClockReadingHandler {
  private final ClockPort clock;

  public ClockReadingHandler(ClockPort clock) {
    this.clock = clock;
  }

  public Instant handle() {
    return clock.now();
  }
}

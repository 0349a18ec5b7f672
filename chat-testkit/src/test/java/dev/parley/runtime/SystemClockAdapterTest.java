package dev.parley.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.ClockPort;
import dev.parley.testkit.contract.ClockPortContract;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SystemClockAdapterTest extends ClockPortContract {
  private final SystemClockAdapter clock = new SystemClockAdapter();

  @Override
  protected ClockPort clock() {
    return clock;
  }

  @Test
  void tellsTheSystemTime() {
    Instant before = Instant.now();
    Instant now = clock.now();
    Instant after = Instant.now();

    assertThat(now).isBetween(before, after);
  }
}

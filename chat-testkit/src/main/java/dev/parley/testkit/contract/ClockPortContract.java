package dev.parley.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.ClockPort;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ClockPort}: it always answers, from any thread. The port promises no
 * monotonicity (clocks never order messages), so none is checked here.
 */
public abstract class ClockPortContract {

  /** The clock under test. */
  protected abstract ClockPort clock();

  @Test
  public void nowIsNeverNull() {
    assertThat(clock().now()).isNotNull();
  }

  @Test
  public void nowAnswersFromManyThreadsAtOnce() {
    ClockPort clock = clock();

    List<Instant> readings = Concurrently.repeat(50, 100, i -> clock.now());

    assertThat(readings).hasSize(5_000).doesNotContainNull();
  }
}

package dev.parley.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.parley.application.port.out.StoreHealthPort;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link StoreHealthPort}. Adapters start the suite with their store reachable; a suite
 * of their own covers the outage (stopping a real database is adapter-specific).
 */
public abstract class StoreHealthPortContract {
  /** The adapter under test, with its store reachable. */
  protected abstract StoreHealthPort health();

  @Test
  public void reachableStoreIsReportedAvailable() {
    assertThat(health().isAvailable()).isTrue();
  }

  @Test
  public void checkingIsCheapEnoughForAProbeAndNeverThrows() {
    StoreHealthPort health = health();
    Instant start = Instant.now();
    for (int i = 0; i < 10; i++) {
      assertThatCode(health::isAvailable).doesNotThrowAnyException();
    }
    // Ten probes well inside one probe interval; a generous bound, not a benchmark.
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
  }
}

package dev.parley.testkit.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.application.port.out.ClockPort;
import dev.parley.testkit.contract.ClockPortContract;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControllableClockAdapterTest extends ClockPortContract {
  private final ControllableClockAdapter clock = new ControllableClockAdapter();

  @Override
  protected ClockPort clock() {
    return clock;
  }

  @Test
  void startsAtTheDefaultInstantAndStaysThere() {
    assertThat(clock.now()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(clock.now()).isEqualTo(ControllableClockAdapter.DEFAULT_START);
  }

  @Test
  void startsAtTheGivenInstant() {
    Instant start = Instant.parse("2030-06-01T12:00:00.123Z");

    assertThat(new ControllableClockAdapter(start).now()).isEqualTo(start);
  }

  @Test
  void advanceMovesForwardAndReturnsTheNewTime() {
    Instant returned = clock.advance(Duration.ofSeconds(90));

    assertThat(returned).isEqualTo(ControllableClockAdapter.DEFAULT_START.plusSeconds(90));
    assertThat(clock.now()).isEqualTo(returned);
  }

  @Test
  void advanceRefusesToGoBack() {
    assertThatThrownBy(() -> clock.advance(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(clock.now()).isEqualTo(ControllableClockAdapter.DEFAULT_START);
  }

  @Test
  void setMovesAnywhere() {
    Instant past = Instant.parse("2020-01-01T00:00:00Z");

    clock.set(past);

    assertThat(clock.now()).isEqualTo(past);
  }

  @Test
  void concurrentAdvancesAllAddUp() throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; i < 1_000; i++) {
                      clock.advance(Duration.ofMillis(1));
                    }
                  }));
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(clock.now()).isEqualTo(ControllableClockAdapter.DEFAULT_START.plusSeconds(8));
  }
}

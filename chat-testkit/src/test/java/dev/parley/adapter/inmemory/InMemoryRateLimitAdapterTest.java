package dev.parley.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.RateLimitPort;
import dev.parley.application.port.out.RateLimitPort.Limit;
import dev.parley.application.port.out.RateLimitPort.Permitted;
import dev.parley.application.port.out.RateLimitPort.Throttled;
import dev.parley.testkit.contract.RateLimitPortContract;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryRateLimitAdapterTest extends RateLimitPortContract {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Limit TWO_PER_TEN_SECONDS = new Limit(2, Duration.ofSeconds(10));

  private final InMemoryRateLimitAdapter adapter = new InMemoryRateLimitAdapter();

  @Override
  protected RateLimitPort rateLimit() {
    return adapter;
  }

  @Test
  void windowsAreAlignedToTheEpochNotToTheFirstRequest() {
    assertThat(adapter.acquire("k", TWO_PER_TEN_SECONDS, T0.plusSeconds(7)))
        .isEqualTo(new Permitted(2, 1, T0.plusSeconds(10)));
    assertThat(adapter.acquire("k", TWO_PER_TEN_SECONDS, T0.plusSeconds(11)))
        .isEqualTo(new Permitted(2, 1, T0.plusSeconds(20)));
  }

  @Test
  void aLateCallerWithAnOlderInstantCountsAgainstTheNewerWindow() {
    adapter.acquire("k", TWO_PER_TEN_SECONDS, T0.plusSeconds(12));
    adapter.acquire("k", TWO_PER_TEN_SECONDS, T0.plusSeconds(13));

    assertThat(adapter.acquire("k", TWO_PER_TEN_SECONDS, T0.plusSeconds(9)))
        .isEqualTo(new Throttled(2, T0.plusSeconds(20)));
  }
}

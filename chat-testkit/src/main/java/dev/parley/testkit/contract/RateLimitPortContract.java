package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.Instants.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.RateLimitPort;
import dev.parley.application.port.out.RateLimitPort.Limit;
import dev.parley.application.port.out.RateLimitPort.Permitted;
import dev.parley.application.port.out.RateLimitPort.RateDecision;
import dev.parley.application.port.out.RateLimitPort.Throttled;
import dev.parley.testkit.fixture.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link RateLimitPort}. Every window here starts at an instant that is both the
 * first request and a multiple of the window since the epoch, so adapters may align windows either
 * way.
 */
public abstract class RateLimitPortContract {
  private static final Duration WINDOW = Duration.ofSeconds(10);
  private static final Instant WINDOW_END = T0.plus(WINDOW);

  /** The limiter under test. */
  protected abstract RateLimitPort rateLimit();

  private static String key() {
    return Ids.unique("user:") + ":post";
  }

  @Test
  public void firstRequestIsPermittedWithTheRestOfTheWindowLeft() {
    RateDecision decision = rateLimit().acquire(key(), new Limit(3, WINDOW), T0);

    assertThat(decision).isEqualTo(new Permitted(3, 2, WINDOW_END));
  }

  @Test
  public void theLargestLimitPermitsAndReportsWhatIsLeft() {
    // ChatSettings.withoutUserLimits() uses Integer.MAX_VALUE permits: no store may overflow on it.
    RateLimitPort limiter = rateLimit();
    String key = key();
    Limit unlimited = new Limit(Integer.MAX_VALUE, WINDOW);

    limiter.acquire(key, unlimited, T0);
    RateDecision second = limiter.acquire(key, unlimited, T0);

    assertThat(second)
        .isEqualTo(new Permitted(Integer.MAX_VALUE, Integer.MAX_VALUE - 2, WINDOW_END));
  }

  @Test
  public void remainingCountsDownToZeroThenRequestsAreThrottledUntilTheWindowEnds() {
    RateLimitPort limiter = rateLimit();
    String key = key();
    Limit limit = new Limit(3, WINDOW);

    assertThat(limiter.acquire(key, limit, T0)).isEqualTo(new Permitted(3, 2, WINDOW_END));
    assertThat(limiter.acquire(key, limit, T0.plusSeconds(1)))
        .isEqualTo(new Permitted(3, 1, WINDOW_END));
    assertThat(limiter.acquire(key, limit, T0.plusSeconds(2)))
        .isEqualTo(new Permitted(3, 0, WINDOW_END));
    assertThat(limiter.acquire(key, limit, T0.plusSeconds(3)))
        .isEqualTo(new Throttled(3, WINDOW_END));
    assertThat(limiter.acquire(key, limit, WINDOW_END.minusMillis(1)))
        .isEqualTo(new Throttled(3, WINDOW_END));
  }

  @Test
  public void theNextWindowPermitsAgain() {
    RateLimitPort limiter = rateLimit();
    String key = key();
    Limit limit = new Limit(1, WINDOW);
    limiter.acquire(key, limit, T0);

    RateDecision next = limiter.acquire(key, limit, WINDOW_END);

    assertThat(next).isEqualTo(new Permitted(1, 0, WINDOW_END.plus(WINDOW)));
  }

  @Test
  public void limitOfOnePermitsOncePerWindow() {
    RateLimitPort limiter = rateLimit();
    String key = key();
    Limit limit = new Limit(1, Duration.ofMinutes(1));

    assertThat(limiter.acquire(key, limit, T0)).isInstanceOf(Permitted.class);
    assertThat(limiter.acquire(key, limit, T0.plusSeconds(59)))
        .isEqualTo(new Throttled(1, T0.plusSeconds(60)));
  }

  @Test
  public void keysAreCountedApart() {
    RateLimitPort limiter = rateLimit();
    Limit limit = new Limit(1, WINDOW);
    String first = key();
    String second = key();
    limiter.acquire(first, limit, T0);

    assertThat(limiter.acquire(second, limit, T0)).isEqualTo(new Permitted(1, 0, WINDOW_END));
    assertThat(limiter.acquire(first, limit, T0)).isInstanceOf(Throttled.class);
  }

  @Test
  public void ofConcurrentRequestsExactlyTheLimitIsPermitted() {
    RateLimitPort limiter = rateLimit();
    String key = key();
    Limit limit = new Limit(50, WINDOW);

    List<RateDecision> decisions =
        Concurrently.repeat(50, 4, i -> limiter.acquire(key, limit, T0.plusMillis(i)));

    assertThat(remainingOfPermitted(decisions))
        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 50).boxed().toList());
    assertThat(decisions)
        .filteredOn(d -> d instanceof Throttled)
        .hasSize(150)
        .allSatisfy(d -> assertThat(d).isEqualTo(new Throttled(50, WINDOW_END)));
  }

  @Test
  public void fiftyThreadsRacingThroughTwoHundredKeysGetExactlyTheLimitOfEachKey() {
    RateLimitPort limiter = rateLimit();
    List<String> keys = IntStream.range(0, 200).mapToObj(i -> key()).toList();
    Limit limit = new Limit(10, WINDOW);

    List<List<RateDecision>> perThread =
        Concurrently.run(
            50, thread -> keys.stream().map(key -> limiter.acquire(key, limit, T0)).toList());

    for (int k = 0; k < keys.size(); k++) {
      int index = k;
      List<RateDecision> forKey =
          perThread.stream().map(decisions -> decisions.get(index)).toList();
      assertThat(remainingOfPermitted(forKey))
          .as("key %d", k)
          .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 10).boxed().toList());
    }
  }

  private static List<Integer> remainingOfPermitted(List<RateDecision> decisions) {
    return decisions.stream()
        .filter(d -> d instanceof Permitted)
        .map(d -> ((Permitted) d).remaining())
        .toList();
  }
}

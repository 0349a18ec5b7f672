package dev.parley.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.IdGeneratorPort;
import dev.parley.testkit.contract.IdGeneratorPortContract;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

class UuidV7IdGeneratorAdapterTest extends IdGeneratorPortContract {
  private final UuidV7IdGeneratorAdapter ids = new UuidV7IdGeneratorAdapter();

  @Override
  protected IdGeneratorPort newGenerator() {
    return new UuidV7IdGeneratorAdapter();
  }

  @Test
  void idIsALowercaseRfc9562VersionSevenUuid() {
    String id = ids.newId();

    assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    UUID uuid = UUID.fromString(id);
    assertThat(uuid.version()).isEqualTo(7);
    assertThat(uuid.variant()).isEqualTo(2);
  }

  @Test
  void idCarriesTheCurrentUnixMillisecond() {
    long before = System.currentTimeMillis();
    UUID uuid = ids.nextUuid();
    long after = System.currentTimeMillis();

    assertThat(UuidV7IdGeneratorAdapter.timestampOf(uuid)).isBetween(before, after);
  }

  @Test
  void successiveIdsSortInCreationOrderAsStrings() {
    List<String> generated = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      generated.add(ids.newId());
    }

    assertThat(generated).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void idsTakenByManyThreadsAreStillStrictlyOrderedPerThread() throws InterruptedException {
    ConcurrentLinkedQueue<AssertionError> failures = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    String previous = "";
                    for (int i = 0; i < 5_000; i++) {
                      String id = ids.newId();
                      if (id.compareTo(previous) <= 0) {
                        failures.add(new AssertionError(id + " after " + previous));
                      }
                      previous = id;
                    }
                  }));
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(failures).isEmpty();
  }

  @Test
  void randomBitsDifferBetweenInstances() {
    UUID a = new UuidV7IdGeneratorAdapter().nextUuid();
    UUID b = new UuidV7IdGeneratorAdapter().nextUuid();

    assertThat(a.getLeastSignificantBits()).isNotEqualTo(b.getLeastSignificantBits());
  }
}

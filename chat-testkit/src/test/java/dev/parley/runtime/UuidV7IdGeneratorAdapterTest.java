package dev.parley.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.IdGeneratorPort;
import dev.parley.testkit.contract.IdGeneratorPortContract;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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

  @Test
  void generatorsWithTheSameRandomStateDifferOnceReseeded() {
    // Two environments restored from one snapshot: the same random state, the same millisecond.
    long millisecond = 1_767_225_600_000L;
    long[] salts = {0x1234_5678_9abc_def0L, 0x0fed_cba9_8765_4321L};
    UuidV7IdGeneratorAdapter first = restored(millisecond, salts[0]);
    UuidV7IdGeneratorAdapter second = restored(millisecond, salts[1]);

    // Not reseeded, they mint the very same id: the hazard is real.
    assertThat(restored(millisecond, 0).nextUuid()).isEqualTo(restored(millisecond, 0).nextUuid());

    first.reseed();
    second.reseed();
    UUID a = first.nextUuid();
    UUID b = second.nextUuid();

    assertThat(first.salt()).isEqualTo(salts[0]);
    assertThat(a).isNotEqualTo(b);
    assertThat(a.getLeastSignificantBits()).isNotEqualTo(b.getLeastSignificantBits());
    assertThat(UuidV7IdGeneratorAdapter.timestampOf(a)).isEqualTo(millisecond);
    assertThat(a.version()).isEqualTo(7);
    assertThat(a.variant()).isEqualTo(2);
  }

  @Test
  void reseedingKeepsIdsIncreasing() {
    String before = ids.newId();
    ids.reseed();

    assertThat(ids.salt()).isNotZero();
    assertThat(ids.newId()).isGreaterThan(before);
  }

  /** A generator with a fixed clock and the random state every restored copy shares. */
  private static UuidV7IdGeneratorAdapter restored(long millisecond, long salt) {
    SplittableRandom snapshotState = new SplittableRandom(42);
    return new UuidV7IdGeneratorAdapter(() -> snapshotState, () -> millisecond, () -> salt);
  }
}

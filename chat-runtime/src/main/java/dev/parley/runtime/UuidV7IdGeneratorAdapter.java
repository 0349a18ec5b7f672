package dev.parley.runtime;

import dev.parley.application.port.out.IdGeneratorPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * RFC 9562 version 7 UUIDs as lowercase strings: a 48-bit Unix millisecond timestamp, a 12-bit
 * counter (the RFC's "fixed bit-length dedicated counter", seeded randomly each millisecond) and 62
 * random bits. Ids of one instance are strictly increasing, also across threads, so they sort by
 * creation time as strings; the random bits keep them unique across nodes. Thread-safe; never
 * returns null.
 */
@Singleton
public final class UuidV7IdGeneratorAdapter implements IdGeneratorPort {
  @Inject
  public UuidV7IdGeneratorAdapter() {}

  private static final int COUNTER_BITS = 12;
  // Seeding below half of the counter range leaves at least 2,048 ids per millisecond before the
  // counter has to borrow from the next millisecond.
  private static final int SEED_MASK = 0x7FF;

  /** The last (timestamp << 12 | counter) handed out. */
  private final AtomicLong last = new AtomicLong();

  @Override
  public String newId() {
    return nextUuid().toString();
  }

  /** The next UUIDv7 as a {@link UUID}. */
  public UUID nextUuid() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long candidate = (System.currentTimeMillis() << COUNTER_BITS) | (random.nextInt() & SEED_MASK);
    long previous;
    long next;
    do {
      previous = last.get();
      // Never repeat or go back, even when the wall clock does: take the successor instead.
      next = Math.max(previous + 1, candidate);
    } while (!last.compareAndSet(previous, next));
    long timestamp = next >>> COUNTER_BITS;
    long counter = next & ((1L << COUNTER_BITS) - 1);
    long mostSignificant = (timestamp << 16) | 0x7000L | counter;
    long leastSignificant = (random.nextLong() >>> 2) | 0x8000_0000_0000_0000L;
    return new UUID(mostSignificant, leastSignificant);
  }

  /** The Unix millisecond timestamp embedded in a UUIDv7. */
  public static long timestampOf(UUID uuid) {
    return uuid.getMostSignificantBits() >>> 16;
  }
}

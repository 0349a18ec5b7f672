package dev.parley.runtime;

import dev.parley.application.port.out.IdGeneratorPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * RFC 9562 version 7 UUIDs as lowercase strings: a 48-bit Unix millisecond timestamp, a 12-bit
 * counter (the RFC's "fixed bit-length dedicated counter", seeded randomly each millisecond) and 62
 * random bits. Ids of one instance are strictly increasing, also across threads, so they sort by
 * creation time as strings; the random bits keep them unique across nodes. Thread-safe; never
 * returns null.
 *
 * <p>The random bits come from {@link ThreadLocalRandom}, XOR-ed with a salt. A process restored
 * from a snapshot (Lambda SnapStart) carries the random generators' state of the snapshot, so every
 * environment restored from one snapshot would draw the same bits, and two of them minting an id in
 * the same millisecond would mint the same id. {@link #reseed} draws a new salt from {@link
 * SecureRandom} (the kernel's pool, which a restored environment does not share) and is called
 * after a restore. The salt starts at zero: a process that was not restored has random state of its
 * own, so a cold start need not pay for a {@link SecureRandom}.
 */
@Singleton
public final class UuidV7IdGeneratorAdapter implements IdGeneratorPort {
  private static final int COUNTER_BITS = 12;
  // Seeding below half of the counter range leaves at least 2,048 ids per millisecond before the
  // counter has to borrow from the next millisecond.
  private static final int SEED_MASK = 0x7FF;

  /** The last (timestamp << 12 | counter) handed out. */
  private final AtomicLong last = new AtomicLong();

  private final Supplier<? extends RandomGenerator> random;
  private final LongSupplier millis;
  private final LongSupplier salts;
  private volatile long salt;

  @Inject
  public UuidV7IdGeneratorAdapter() {
    this(ThreadLocalRandom::current, System::currentTimeMillis, new SecureSalts());
  }

  /**
   * For tests: the random state, the clock and the source of salts, so that two generators can be
   * given identical random state, as two environments restored from one snapshot have.
   */
  UuidV7IdGeneratorAdapter(
      Supplier<? extends RandomGenerator> random, LongSupplier millis, LongSupplier salts) {
    this.random = random;
    this.millis = millis;
    this.salts = salts;
  }

  @Override
  public String newId() {
    return nextUuid().toString();
  }

  /** The next UUIDv7 as a {@link UUID}. */
  public UUID nextUuid() {
    RandomGenerator bits = random.get();
    long currentSalt = salt;
    long candidate =
        (millis.getAsLong() << COUNTER_BITS) | ((bits.nextInt() ^ (int) currentSalt) & SEED_MASK);
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
    long leastSignificant = ((bits.nextLong() ^ currentSalt) >>> 2) | 0x8000_0000_0000_0000L;
    return new UUID(mostSignificant, leastSignificant);
  }

  /**
   * Draws a new salt for the random bits: call it after a restore from a snapshot, before the first
   * id. Cheap after the first call (one {@link SecureRandom} draw); ids stay strictly increasing.
   */
  public void reseed() {
    salt = salts.getAsLong();
  }

  /** The salt the random bits are XOR-ed with: 0 until the first {@link #reseed}. */
  public long salt() {
    return salt;
  }

  /** The Unix millisecond timestamp embedded in a UUIDv7. */
  public static long timestampOf(UUID uuid) {
    return uuid.getMostSignificantBits() >>> 16;
  }

  /** One {@link SecureRandom}, made on the first reseed: a cold start never pays for it. */
  private static final class SecureSalts implements LongSupplier {
    private SecureRandom secure;

    @Override
    public synchronized long getAsLong() {
      if (secure == null) {
        secure = new SecureRandom();
      }
      return secure.nextLong();
    }
  }
}

package dev.parley.benchmarks.load;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures this JVM's own stalls, as jHiccup does: a thread asks to sleep 1 ms again and again and
 * records how much longer it took. Long overshoots mean the driver itself was stopped (its GC, or
 * other processes holding the CPU), and every latency it measured then is inflated by as much,
 * whatever the server did.
 */
final class Hiccups implements Runnable {
  private static final long NAP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private final Latencies overshoots = new Latencies();
  private final long from;
  private final long until;

  /** Records from {@code from} to {@code until} ({@link System#nanoTime()}), then returns. */
  Hiccups(long from, long until) {
    this.from = from;
    this.until = until;
  }

  @Override
  public void run() {
    long now = System.nanoTime();
    // Bounded by time and by Latencies.MAX_SAMPLES.
    while (now < until) {
      LockSupport.parkNanos(NAP_NANOS);
      long woke = System.nanoTime();
      if (woke >= from && !overshoots.add(Math.max(0, woke - now - NAP_NANOS))) {
        return;
      }
      now = woke;
    }
  }

  /** The overshoots recorded; read once the thread has ended. */
  Latencies.Sorted result() {
    return Latencies.merge(List.of(overshoots));
  }
}

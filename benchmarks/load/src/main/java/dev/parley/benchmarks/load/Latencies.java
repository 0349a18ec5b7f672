package dev.parley.benchmarks.load;

import java.util.Arrays;

/**
 * Latency samples in nanoseconds, appended by one thread; merged and sorted for exact percentiles
 * (nearest rank) once a phase is over. No histogram library: a run records at most a few million
 * samples, which sort in well under a second.
 */
final class Latencies {
  /** A phase never records more than this per recorder (the loops stop there too). */
  static final int MAX_SAMPLES = 20_000_000;

  private long[] samples = new long[1 << 14];
  private int size;

  /** Appends a sample; false when {@link #MAX_SAMPLES} are already recorded. */
  boolean add(long nanos) {
    if (size == samples.length) {
      if (size >= MAX_SAMPLES) {
        return false;
      }
      samples = Arrays.copyOf(samples, Math.min(MAX_SAMPLES, size * 2));
    }
    samples[size++] = nanos;
    return true;
  }

  int size() {
    return size;
  }

  /** Every sample of {@code parts}, sorted. */
  static Sorted merge(Iterable<Latencies> parts) {
    int total = 0;
    for (Latencies part : parts) {
      total += part.size;
    }
    long[] all = new long[total];
    int at = 0;
    for (Latencies part : parts) {
      System.arraycopy(part.samples, 0, all, at, part.size);
      at += part.size;
    }
    Arrays.sort(all);
    return new Sorted(all);
  }

  /** Sorted samples. */
  record Sorted(long[] nanos) {
    static Sorted of(long[] unsorted) {
      long[] copy = unsorted.clone();
      Arrays.sort(copy);
      return new Sorted(copy);
    }

    int count() {
      return nanos.length;
    }

    /** The nearest-rank percentile in milliseconds; NaN without samples. */
    double percentileMillis(double percent) {
      if (nanos.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(percent / 100.0 * nanos.length);
      return nanos[Math.clamp(rank - 1, 0, nanos.length - 1)] / 1e6;
    }

    double maxMillis() {
      return nanos.length == 0 ? Double.NaN : nanos[nanos.length - 1] / 1e6;
    }

    double meanMillis() {
      if (nanos.length == 0) {
        return Double.NaN;
      }
      double sum = 0;
      for (long n : nanos) {
        sum += n;
      }
      return sum / nanos.length / 1e6;
    }
  }
}

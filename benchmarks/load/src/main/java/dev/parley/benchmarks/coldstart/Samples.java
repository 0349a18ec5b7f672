package dev.parley.benchmarks.coldstart;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/** Durations of a few dozen runs, sorted, with nearest-rank percentiles in milliseconds. */
record Samples(long[] sortedNanos) {

  static <T> Samples of(List<T> runs, ToLongFunction<T> nanos) {
    long[] values = runs.stream().mapToLong(nanos).toArray();
    Arrays.sort(values);
    return new Samples(values);
  }

  int count() {
    return sortedNanos.length;
  }

  /** The nearest-rank percentile in milliseconds: with 15 runs, p50 is the 8th and p90 the 14th. */
  double percentileMillis(double percent) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sortedNanos.length);
    return sortedNanos[Math.clamp(rank - 1, 0, sortedNanos.length - 1)] / 1e6;
  }

  double medianMillis() {
    return percentileMillis(50);
  }

  double minMillis() {
    return sortedNanos.length == 0 ? Double.NaN : sortedNanos[0] / 1e6;
  }

  double maxMillis() {
    return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
  }

  static String millis(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    return String.format(Locale.ROOT, value < 10 ? "%.2f" : value < 100 ? "%.1f" : "%.0f", value);
  }
}

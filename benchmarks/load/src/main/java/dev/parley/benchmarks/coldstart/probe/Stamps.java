package dev.parley.benchmarks.coldstart.probe;

/**
 * {@link System#nanoTime()} stamps of a probe's phases, printed once the probe is done as lines
 * {@code coldstart.stamp <name> <nanos>} (and {@code coldstart.status <name> <code>} for the
 * answers), which the driver reads. On Linux {@code System.nanoTime()} is {@code CLOCK_MONOTONIC},
 * one clock for every process of the machine, so the driver can subtract its own stamp taken just
 * before starting the JVM.
 *
 * <p>Plain arrays and a StringBuilder: no collections, lambdas or formatting, so that the probe's
 * own code loads as few JDK classes as possible before the stamp that matters.
 */
public final class Stamps {
  /** Prefix of a stamp line. */
  public static final String STAMP = "coldstart.stamp";

  /** Prefix of a status line: the HTTP status a handler answered. */
  public static final String STATUS = "coldstart.status";

  /** Every probe's first stamp: taken by the first statement of {@code main}. */
  public static final String MAIN = "main";

  private static final int CAPACITY = 16;

  private final String[] names = new String[CAPACITY];
  private final long[] nanos = new long[CAPACITY];
  private final StringBuilder statuses = new StringBuilder();
  private int size;

  /** Starts with the stamp {@code main}, taken by the caller as its first statement. */
  public Stamps(long mainNanos) {
    add(MAIN, mainNanos);
  }

  /** Stamps {@code name} now. */
  public void stamp(String name) {
    add(name, System.nanoTime());
  }

  private void add(String name, long at) {
    if (size == CAPACITY) {
      throw new IllegalStateException("more than " + CAPACITY + " stamps");
    }
    names[size] = name;
    nanos[size] = at;
    size++;
  }

  /** Records the status code a handler answered {@code name} with. */
  public void status(String name, int code) {
    statuses.append(STATUS).append(' ').append(name).append(' ').append(code).append('\n');
  }

  /** Prints every stamp and status to standard output, in one write, and flushes it. */
  public void print() {
    StringBuilder out = new StringBuilder(statuses);
    for (int i = 0; i < size; i++) {
      out.append(STAMP).append(' ').append(names[i]).append(' ').append(nanos[i]).append('\n');
    }
    System.out.print(out);
    System.out.flush();
  }
}

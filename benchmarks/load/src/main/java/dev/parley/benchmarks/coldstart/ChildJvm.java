package dev.parley.benchmarks.coldstart;

import dev.parley.benchmarks.coldstart.probe.Stamps;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts one fresh JVM, reads what it prints and waits for it to end. Its {@link Stamps} are {@code
 * System.nanoTime()} values of the child; on Linux that is {@code CLOCK_MONOTONIC}, the same clock
 * as the driver's, so every stamp is reported relative to the driver's own stamp taken just before
 * {@link ProcessBuilder#start()}.
 */
final class ChildJvm {
  private ChildJvm() {}

  /**
   * What one run printed and when.
   *
   * @param startNanos the driver's {@code System.nanoTime()} just before {@code start()}
   * @param sinceStart each stamp, in nanoseconds after the driver's stamp before {@code start()}
   * @param statuses the HTTP status of each answer the probe reported
   * @param exitNanos when the driver saw the process end, in nanoseconds after that stamp
   */
  record Result(
      long startNanos,
      Map<String, Long> sinceStart,
      Map<String, Integer> statuses,
      long exitNanos,
      int exitCode,
      List<String> output) {

    /** Nanoseconds from the driver's stamp to {@code stamp}. */
    long nanos(String stamp) {
      Long nanos = sinceStart.get(stamp);
      if (nanos == null) {
        throw new IllegalStateException("the probe reported no stamp '" + stamp + "': " + output);
      }
      return nanos;
    }

    /** Nanoseconds between two stamps of the child. */
    long between(String from, String to) {
      return nanos(to) - nanos(from);
    }
  }

  /**
   * Runs {@code command} with exactly {@code environment} (nothing inherited) and standard error
   * merged into standard output; fails if it does not end within {@code timeout}, exits non-zero or
   * reports a stamp from before it was started (a clock that is not shared).
   */
  static Result run(List<String> command, Map<String, String> environment, Duration timeout) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(environment);
    List<String> output = new ArrayList<>();
    Process process;
    long start = System.nanoTime();
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + command, e);
    }
    // Read on another thread, so that a child that hangs without closing its output still times
    // out below.
    Thread reader =
        Thread.ofPlatform()
            .name("child-output")
            .start(
                () -> {
                  try (BufferedReader in = process.inputReader()) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                      synchronized (output) {
                        output.add(line);
                      }
                    }
                  } catch (IOException e) {
                    synchronized (output) {
                      output.add("(output lost: " + e + ")");
                    }
                  }
                });
    boolean ended;
    try {
      ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      long exit = System.nanoTime() - start;
      if (!ended) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      reader.join(Duration.ofSeconds(10));
      List<String> lines;
      synchronized (output) {
        lines = List.copyOf(output);
      }
      if (!ended) {
        throw new IllegalStateException(
            "still running after " + timeout + ", killed: " + command + "\n" + tail(lines));
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "exit status " + process.exitValue() + ": " + command + "\n" + tail(lines));
      }
      return parse(start, exit, process.exitValue(), lines);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + command + " ran", e);
    }
  }

  private static Result parse(long start, long exit, int exitCode, List<String> lines) {
    Map<String, Long> stamps = new LinkedHashMap<>();
    Map<String, Integer> statuses = new LinkedHashMap<>();
    for (String line : lines) {
      // A log line may run into the probe's output on one line, so look for the prefix anywhere.
      int at = line.indexOf(Stamps.STAMP + " ");
      if (at >= 0) {
        String[] fields = line.substring(at).split(" ");
        long sinceStart = Long.parseLong(fields[2]) - start;
        if (sinceStart <= 0) {
          throw new IllegalStateException(
              "stamp "
                  + fields[1]
                  + " is before the JVM was started: the child's System.nanoTime() is not"
                  + " comparable with the driver's on this system");
        }
        stamps.put(fields[1], sinceStart);
      }
      at = line.indexOf(Stamps.STATUS + " ");
      if (at >= 0) {
        String[] fields = line.substring(at).split(" ");
        statuses.put(fields[1], Integer.parseInt(fields[2]));
      }
    }
    return new Result(start, stamps, statuses, exit, exitCode, lines);
  }

  private static String tail(List<String> lines) {
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}

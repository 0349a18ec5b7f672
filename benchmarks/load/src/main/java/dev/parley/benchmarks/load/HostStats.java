package dev.parley.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * What the machine was doing during a measured window: CPU time of the driver and, when its pid is
 * known, of the server (on 2 cores, a client that needs a whole core caps what the server can
 * show), the load average, and the number of open connections. Linux only (/proc); values that
 * cannot be read are reported as NaN, -1 or "unknown".
 */
final class HostStats {
  private final ProcessHandle driver = ProcessHandle.current();
  private final ProcessHandle server;

  /** {@code serverPid} 0 when unknown. */
  HostStats(long serverPid) {
    this.server = serverPid <= 0 ? null : ProcessHandle.of(serverPid).orElse(null);
  }

  /** CPU times now, read through {@link ProcessHandle} (from /proc/PID/stat, in 10 ms ticks). */
  Sample sample() {
    return new Sample(System.nanoTime(), cpuNanos(driver), server == null ? -1 : cpuNanos(server));
  }

  private static long cpuNanos(ProcessHandle process) {
    Optional<Duration> cpu = process.info().totalCpuDuration();
    return cpu.map(Duration::toNanos).orElse(-1L);
  }

  /** The CPU times at one instant. */
  record Sample(long wallNanos, long driverCpuNanos, long serverCpuNanos) {
    /** Cores used by the driver since {@code earlier}. */
    double driverCores(Sample earlier) {
      return cores(driverCpuNanos, earlier.driverCpuNanos, earlier);
    }

    /** Cores used by the server since {@code earlier}; NaN when its pid is unknown. */
    double serverCores(Sample earlier) {
      return cores(serverCpuNanos, earlier.serverCpuNanos, earlier);
    }

    private double cores(long now, long then, Sample earlier) {
      if (now < 0 || then < 0) {
        return Double.NaN;
      }
      return (double) (now - then) / (wallNanos - earlier.wallNanos);
    }
  }

  /** The 1-, 5- and 15-minute load averages, as /proc/loadavg shows them. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /**
   * Established TCP connections whose remote end is {@code port} (IPv4 and IPv6): the client side
   * of the connections to a server on this machine; -1 if /proc/net cannot be read.
   */
  static int connectionsTo(int port) {
    String hexPort = String.format(Locale.ROOT, ":%04X", port);
    int count = 0;
    for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
      try {
        for (String line : Files.readAllLines(Path.of(table))) {
          String[] fields = line.strip().split("\\s+");
          // sl local_address rem_address st ...; state 01 is ESTABLISHED
          if (fields.length > 3 && fields[2].endsWith(hexPort) && fields[3].equals("01")) {
            count++;
          }
        }
      } catch (IOException | RuntimeException e) {
        return -1;
      }
    }
    return count;
  }
}

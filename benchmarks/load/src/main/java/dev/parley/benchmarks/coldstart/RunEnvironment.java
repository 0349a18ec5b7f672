package dev.parley.benchmarks.coldstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The facts about the machine, the JDK and the jars that the report's header states. */
final class RunEnvironment {
  private RunEnvironment() {}

  /** Size and time of writing of a jar. */
  static String describe(Path file) {
    try {
      return String.format(
          Locale.ROOT,
          "%.1f MB, modified %s",
          Files.size(file) / 1e6,
          Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS));
    } catch (IOException e) {
      return "unreadable: " + e;
    }
  }

  /** CPU model, CPU count, memory and kernel. */
  static String machine() {
    String model = "unknown CPU";
    String memory = "unknown RAM";
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          model = line.substring(line.indexOf(':') + 1).strip();
          break;
        }
      }
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          memory = String.format(Locale.ROOT, "%.1f GiB RAM", kb / 1024.0 / 1024.0);
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or /proc unreadable: the report says "unknown".
    }
    return model
        + ", "
        + Runtime.getRuntime().availableProcessors()
        + " CPUs, "
        + memory
        + ", "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.version");
  }

  /** What {@code java -version} prints, on one line. */
  static String javaVersion(String java) {
    try {
      Process process = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
      String text = new String(process.getInputStream().readAllBytes()).strip();
      process.waitFor();
      return "`" + text.replace("\n", "` / `") + "`";
    } catch (IOException e) {
      return "unknown (" + e + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown (interrupted)";
    }
  }
}

package dev.parley.benchmarks.coldstart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options of one configuration the driver measures separately.
 *
 * <ul>
 *   <li>{@code default}: none; the JDK picks G1 and full tiered compilation on this machine.
 *   <li>{@code c1}: {@code -XX:TieredStopAtLevel=1}. AWS documents that the java17 and java21
 *       managed runtimes stop tiered compilation at level 1 by default, so this is the JIT setting
 *       the template's functions run with (template.yaml's {@code JAVA_TOOL_OPTIONS} does not
 *       change it).
 *   <li>{@code lambda}: what a function of the template starts with, as far as it can be reproduced
 *       here: {@code -XX:TieredStopAtLevel=1} as above, {@code -XX:+UseSerialGC} (the collector the
 *       JVM's ergonomics pick with fewer than 2 CPUs or less than 1,792 MB, which is every function
 *       of up to 1,769 MB), {@code -XX:MaxRAM=1769m} (a function's JVM sizes its heap from the
 *       memory of the function, the template's 1,769 MB, not from this machine's: an initial heap
 *       of about 27 MB, whose young generation fills several times in a cold start, where this
 *       machine's defaults would start with hundreds of MB and collect nothing), and the classes
 *       loaded from the deployment package unpacked into a directory: Lambda extracts a .zip or
 *       .jar package into {@code /var/task} and the runtime loads the classes from there, not from
 *       the jar.
 *   <li>{@code cds}, {@code c1-cds}: the same as {@code default} and {@code c1} plus an application
 *       class-data-sharing archive of the scenario ({@code -XX:SharedArchiveFile} with {@code
 *       -XX:+AutoCreateSharedArchive}, JDK 19 and later): written by an untimed training run at the
 *       end of its JVM, mapped by every later run. An archive records classes from jars only, so
 *       these load from the jar.
 * </ul>
 *
 * <p>Every configuration but {@code lambda} loads the classes from the jar itself.
 *
 * <p>With {@code --baseline-jar}, each configuration also runs against that other deployment jar
 * (an earlier build), as {@code NAME-baseline}, interleaved in the same rounds: a before/after
 * comparison measured in one run.
 *
 * @param jar the deployment jar of this configuration, or null for the driver's {@code
 *     --lambda-jar}
 * @param unpacked whether the classes are loaded from the jar unpacked into a directory
 */
record JvmConfig(String name, List<String> flags, boolean appCds, Path jar, boolean unpacked) {
  static final List<JvmConfig> ALL =
      List.of(
          new JvmConfig("default", List.of(), false, null, false),
          new JvmConfig("c1", List.of("-XX:TieredStopAtLevel=1"), false, null, false),
          new JvmConfig(
              "lambda",
              List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:MaxRAM=1769m"),
              false,
              null,
              true),
          new JvmConfig("cds", List.of(), true, null, false),
          new JvmConfig("c1-cds", List.of("-XX:TieredStopAtLevel=1"), true, null, false));

  static JvmConfig named(String name) {
    for (JvmConfig config : ALL) {
      if (config.name.equals(name)) {
        return config;
      }
    }
    throw new IllegalArgumentException(
        "unknown JVM configuration "
            + name
            + "; one of "
            + ALL.stream().map(JvmConfig::name).toList());
  }

  /** The same configuration with {@code extra} options after its own. */
  JvmConfig withFlags(List<String> extra) {
    List<String> all = new ArrayList<>(flags);
    all.addAll(extra);
    return new JvmConfig(name, List.copyOf(all), appCds, jar, unpacked);
  }

  /** The same options against another deployment jar, named {@code NAME-baseline}. */
  JvmConfig baseline(Path baselineJar) {
    return new JvmConfig(name + "-baseline", flags, appCds, baselineJar, unpacked);
  }

  /** The archive of {@code scenario} under this configuration. */
  Path archive(Path directory, Scenario scenario) {
    return directory.resolve(name + "-" + scenario.name() + ".jsa");
  }

  /** The options for a run of {@code scenario}. */
  List<String> options(Path archiveDirectory, Scenario scenario) {
    List<String> options = new ArrayList<>(flags);
    if (appCds) {
      options.add("-XX:SharedArchiveFile=" + archive(archiveDirectory, scenario));
      options.add("-XX:+AutoCreateSharedArchive");
    }
    return options;
  }

  /** The options in words, for the report. */
  String describe() {
    List<String> parts = new ArrayList<>(flags);
    if (appCds) {
      parts.add("AppCDS archive");
    }
    if (unpacked) {
      parts.add("classes from the unpacked package");
    }
    String options = parts.isEmpty() ? "no options" : String.join(" + ", parts);
    return jar == null ? options : options + ", baseline jar `" + jar + "`";
  }
}

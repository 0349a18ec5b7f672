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
 *       the template's functions run with (template.yaml sets no {@code JAVA_TOOL_OPTIONS}).
 *   <li>{@code cds}, {@code c1-cds}: the same plus an application class-data-sharing archive of the
 *       scenario ({@code -XX:SharedArchiveFile} with {@code -XX:+AutoCreateSharedArchive}, JDK 19
 *       and later): written by an untimed training run at the end of its JVM, mapped by every later
 *       run.
 * </ul>
 *
 * <p>With {@code --baseline-jar}, each configuration also runs against that other deployment jar
 * (an earlier build), as {@code NAME-baseline}, interleaved in the same rounds: a before/after
 * comparison measured in one run.
 *
 * @param jar the deployment jar of this configuration, or null for the driver's {@code
 *     --lambda-jar}
 */
record JvmConfig(String name, List<String> flags, boolean appCds, Path jar) {
  static final List<JvmConfig> ALL =
      List.of(
          new JvmConfig("default", List.of(), false, null),
          new JvmConfig("c1", List.of("-XX:TieredStopAtLevel=1"), false, null),
          new JvmConfig("cds", List.of(), true, null),
          new JvmConfig("c1-cds", List.of("-XX:TieredStopAtLevel=1"), true, null));

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

  /** The same options against another deployment jar, named {@code NAME-baseline}. */
  JvmConfig baseline(Path baselineJar) {
    return new JvmConfig(name + "-baseline", flags, appCds, baselineJar);
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
    String options = parts.isEmpty() ? "no options" : String.join(" + ", parts);
    return jar == null ? options : options + ", baseline jar `" + jar + "`";
  }
}

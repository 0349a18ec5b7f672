package dev.parley.benchmarks.coldstart;

import static dev.parley.benchmarks.coldstart.Samples.millis;

import dev.parley.benchmarks.coldstart.ChildJvm.Result;
import dev.parley.benchmarks.coldstart.ClassCensus.Census;
import dev.parley.benchmarks.coldstart.probe.ColdStartProbe;
import dev.parley.benchmarks.coldstart.probe.Stamps;
import dev.parley.benchmarks.coldstart.probe.SubsystemProbe;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The cold-start driver's results and their markdown report and CSV. */
final class ColdStartReport {
  private final String options;
  private final String java;
  private final Path lambdaJar;
  private final Path probeJar;
  private final List<JvmConfig> configs;
  private final List<Scenario> scenarios;
  private final JvmConfig breakdownConfig;
  private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final String loadAtStart = ColdStartDriver.loadAverage();
  private final Map<String, List<Result>> measured = new LinkedHashMap<>();
  private final Map<Scenario, Census> census = new LinkedHashMap<>();
  private final Map<Scenario, List<Result>> primed = new LinkedHashMap<>();
  private final Map<String, List<Result>> subsystems = new LinkedHashMap<>();
  private List<Path> rewrittenArchives = List.of();
  private String postgres;

  ColdStartReport(
      String options,
      String java,
      Path lambdaJar,
      Path probeJar,
      List<JvmConfig> configs,
      List<Scenario> scenarios,
      JvmConfig breakdownConfig) {
    this.options = options;
    this.java = java;
    this.lambdaJar = lambdaJar;
    this.probeJar = probeJar;
    this.configs = configs;
    this.scenarios = scenarios;
    this.breakdownConfig = breakdownConfig;
  }

  void measured(JvmConfig config, Scenario scenario, Result result) {
    measured.computeIfAbsent(key(config, scenario), k -> new ArrayList<>()).add(result);
  }

  void census(Scenario scenario, Census counts) {
    census.put(scenario, counts);
  }

  void primed(Scenario scenario, Result result) {
    primed.computeIfAbsent(scenario, k -> new ArrayList<>()).add(result);
  }

  void subsystem(String name, Result result) {
    subsystems.computeIfAbsent(name, k -> new ArrayList<>()).add(result);
  }

  void archives(List<Path> rewritten) {
    this.rewrittenArchives = rewritten;
  }

  /** The PostgreSQL server of the run, in words; null when it used none. */
  void postgres(String description) {
    this.postgres = description;
  }

  private static String key(JvmConfig config, Scenario scenario) {
    return config.name() + " " + scenario.name();
  }

  String render() {
    StringBuilder out = new StringBuilder();
    header(out);
    for (JvmConfig config : configs) {
      responses(out, config);
      phases(out, config);
    }
    for (Map.Entry<Scenario, Census> entry : census.entrySet()) {
      ClassCensus.render(
          out, entry.getKey().name() + " under " + breakdownConfig.name(), entry.getValue());
    }
    primed(out);
    subsystems(out);
    return out.toString();
  }

  private void header(StringBuilder out) {
    out.append("# Lambda cold start, ").append(started).append("\n\n");
    out.append("- Options: `").append(options).append("`\n");
    out.append("- Machine: ").append(RunEnvironment.machine()).append('\n');
    out.append("- JDK of the child JVMs (`").append(java).append(" -version`): ");
    out.append(RunEnvironment.javaVersion(java)).append('\n');
    out.append("- Deployment jar: `").append(lambdaJar).append("` (");
    out.append(RunEnvironment.describe(lambdaJar)).append("); probe jar: `").append(probeJar);
    out.append("` (").append(RunEnvironment.describe(probeJar));
    out.append(")\n");
    out.append("- Load average (1/5/15 min) at the start: ").append(loadAtStart);
    out.append("; at the end: ").append(ColdStartDriver.loadAverage()).append('\n');
    if (postgres != null) {
      out.append("- ").append(postgres).append('\n');
    }
    if (configs.stream().anyMatch(JvmConfig::appCds)) {
      out.append("- AppCDS archives: ");
      out.append(
          rewrittenArchives.isEmpty()
              ? "every measured run mapped the archive its training run wrote (none rewritten)"
              : "REWRITTEN by measured runs, so those runs did not use them: " + rewrittenArchives);
      out.append('\n');
    }
    out.append('\n');
  }

  /** Time from just before the JVM was started to each response: the headline table. */
  private void responses(StringBuilder out, JvmConfig config) {
    out.append("## ").append(config.name()).append(": ").append(config.describe()).append("\n\n");
    out.append("Milliseconds from just before `ProcessBuilder.start()` to the response.\n\n");
    out.append(
        "| scenario | response | runs | median | p90 | min | max | median / hello | target |");
    out.append(" verdict (median) |\n|---|---|---|---|---|---|---|---|---|---|\n");
    List<Result> hello = measured.get(key(config, Scenario.HELLO));
    double helloMedian =
        hello == null ? Double.NaN : Samples.of(hello, r -> r.nanos(Stamps.MAIN)).medianMillis();
    for (Scenario scenario : scenarios) {
      List<Result> runs = measured.getOrDefault(key(config, scenario), List.of());
      for (String response : scenario.responses()) {
        Samples samples = Samples.of(runs, r -> r.nanos(response));
        // Only the in-memory and DynamoDB headlines have a target; PostgreSQL's has none.
        boolean headline =
            !scenario.isHello()
                && response.equals(scenario.headline())
                && scenario.store().target != null;
        double target = headline ? scenario.store().target.toMillis() : Double.NaN;
        out.append("| ").append(scenario.name()).append(" | ").append(response);
        out.append(" | ").append(samples.count());
        out.append(" | **").append(millis(samples.medianMillis())).append("**");
        out.append(" | ").append(millis(samples.percentileMillis(90)));
        out.append(" | ").append(millis(samples.minMillis()));
        out.append(" | ").append(millis(samples.maxMillis()));
        out.append(" | ").append(ratio(samples.medianMillis(), helloMedian));
        out.append(" | ").append(headline ? "< " + millis(target) : "");
        out.append(" | ");
        if (headline) {
          out.append(samples.medianMillis() < target ? "met" : "**missed**");
        }
        out.append(" |\n");
      }
    }
    out.append('\n');
  }

  /** Median time of each phase between the probe's stamps. */
  private void phases(StringBuilder out, JvmConfig config) {
    out.append("Phases of ").append(config.name()).append(" (medians, ms):\n\n");
    out.append("| scenario | JVM start → main | main → handler class loaded |");
    out.append(" → component built | → first response | → post-message | last stamp → exit |\n");
    out.append("|---|---|---|---|---|---|---|\n");
    for (Scenario scenario : scenarios) {
      List<Result> runs = measured.getOrDefault(key(config, scenario), List.of());
      out.append("| ").append(scenario.name()).append(phaseCells(scenario, runs));
      out.append(" |\n");
    }
    out.append('\n');
  }

  private static String phaseCells(Scenario scenario, List<Result> runs) {
    List<String> stamps = scenario.phases();
    StringBuilder cells = new StringBuilder();
    cells.append(" | ").append(millis(Samples.of(runs, r -> r.nanos(Stamps.MAIN)).medianMillis()));
    for (int i = 1; i < 5; i++) {
      cells.append(" | ");
      if (i < stamps.size()) {
        String from = stamps.get(i - 1);
        String to = stamps.get(i);
        cells.append(millis(Samples.of(runs, r -> r.between(from, to)).medianMillis()));
      } else {
        cells.append('-');
      }
    }
    String last = stamps.getLast();
    cells.append(" | ");
    cells.append(millis(Samples.of(runs, r -> r.exitNanos() - r.nanos(last)).medianMillis()));
    return cells.toString();
  }

  private void primed(StringBuilder out) {
    if (primed.isEmpty()) {
      return;
    }
    out.append("After SnapStart priming under ").append(breakdownConfig.name());
    out.append(" (`ColdStartProbe --prime true`: `SnapStartPriming.prime()` on the handler's");
    out.append(" runtime before the first event; medians, ms):\n\n");
    out.append("| scenario | runs | component built → primed | primed → first response |");
    out.append(" → post-message |\n|---|---|---|---|---|\n");
    for (Map.Entry<Scenario, List<Result>> entry : primed.entrySet()) {
      Scenario scenario = entry.getKey();
      List<Result> runs = entry.getValue();
      List<String> responses = scenario.responses();
      out.append("| ").append(scenario.name()).append(" | ").append(runs.size());
      out.append(" | ").append(median(runs, ColdStartProbe.HANDLER_BUILT, ColdStartProbe.PRIMED));
      out.append(" | ").append(median(runs, ColdStartProbe.PRIMED, responses.getFirst()));
      out.append(" | ");
      out.append(
          responses.size() > 1 ? median(runs, responses.getFirst(), responses.getLast()) : "-");
      out.append(" |\n");
    }
    out.append('\n');
  }

  private void subsystems(StringBuilder out) {
    if (subsystems.isEmpty()) {
      return;
    }
    out.append("Each subsystem's first use alone in a fresh JVM under ");
    out.append(breakdownConfig.name()).append(" (`SubsystemProbe`; ms):\n\n");
    out.append("| subsystem | runs | median | min | max | JVM start → main (median) |\n");
    out.append("|---|---|---|---|---|---|\n");
    for (Map.Entry<String, List<Result>> entry : subsystems.entrySet()) {
      List<Result> runs = entry.getValue();
      Samples samples =
          Samples.of(runs, r -> r.between(SubsystemProbe.BEFORE, SubsystemProbe.AFTER));
      out.append("| ").append(entry.getKey()).append(" | ").append(runs.size());
      out.append(" | **").append(millis(samples.medianMillis())).append("**");
      out.append(" | ").append(millis(samples.minMillis()));
      out.append(" | ").append(millis(samples.maxMillis()));
      out.append(" | ");
      out.append(millis(Samples.of(runs, r -> r.nanos(Stamps.MAIN)).medianMillis()));
      out.append(" |\n");
    }
    out.append('\n');
  }

  private static String median(List<Result> runs, String from, String to) {
    return millis(Samples.of(runs, r -> r.between(from, to)).medianMillis());
  }

  /** Every stamp of every run: {@code kind,config,scenario,run,stamp,ms_since_start}. */
  String csv() {
    StringBuilder out = new StringBuilder("kind,config,scenario,run,stamp,ms_since_start\n");
    measured.forEach(
        (key, runs) -> {
          String[] parts = key.split(" ");
          rows(out, "measured", parts[0], parts[1], runs);
        });
    primed.forEach((scenario, runs) -> rows(out, "primed", "", scenario.name(), runs));
    subsystems.forEach((name, runs) -> rows(out, "subsystem", "", name, runs));
    return out.toString();
  }

  private static void rows(
      StringBuilder out, String kind, String config, String scenario, List<Result> runs) {
    for (int i = 0; i < runs.size(); i++) {
      Result run = runs.get(i);
      Map<String, Long> stamps = new LinkedHashMap<>(run.sinceStart());
      stamps.put("exit", run.exitNanos());
      for (Map.Entry<String, Long> stamp : stamps.entrySet()) {
        out.append(kind).append(',').append(config).append(',').append(scenario);
        out.append(',').append(i + 1).append(',').append(stamp.getKey());
        out.append(',').append(String.format(Locale.ROOT, "%.3f", stamp.getValue() / 1e6));
        out.append('\n');
      }
    }
  }

  private static String ratio(double value, double base) {
    if (Double.isNaN(value) || Double.isNaN(base) || base == 0) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.1f×", value / base);
  }
}

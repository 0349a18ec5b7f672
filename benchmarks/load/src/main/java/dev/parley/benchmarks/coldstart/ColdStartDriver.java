package dev.parley.benchmarks.coldstart;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.parley.benchmarks.coldstart.ChildJvm.Result;
import dev.parley.benchmarks.coldstart.probe.ColdStartProbe;
import dev.parley.benchmarks.coldstart.probe.SubsystemProbe;
import dev.parley.benchmarks.load.LoadArgs;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.LoggerFactory;

/**
 * The cold-start benchmark of the Lambda runtime: fresh JVMs, one after the other, each running a
 * {@link Scenario} under a {@link JvmConfig}, timed from just before {@link ProcessBuilder#start()}
 * to the probe's stamp of the response (see {@link ChildJvm}). Results in {@code
 * docs/benchmarks.md}, section "Lambda runtime: cold start and warm invoke".
 *
 * <p>One run: DynamoDB Local is started and its table created, and a schema of the run is created
 * in the PostgreSQL of {@code --postgres-url} and migrated (each only if a scenario or the
 * breakdown needs it; the schema is dropped at the end); for each AppCDS configuration, one untimed
 * training run per scenario writes its archive; {@code --warmup-rounds} untimed rounds bring the
 * jars and the JDK into the page cache; then {@code --runs} measured rounds, each running every
 * configuration's every scenario once, in the same order, so that a change in the machine's load
 * hits all of them alike. After that, under {@code --breakdown-config}: one run per probe scenario
 * with the class-load log (see {@link ClassCensus}), {@code --breakdown-runs} primed runs per probe
 * scenario ({@link ColdStartProbe} {@code --prime true}) and as many runs of each {@link
 * SubsystemProbe} subsystem. The report (markdown) goes to standard output and {@code report.md},
 * every stamp of every run to {@code runs.csv}, both in {@code --work-dir}.
 *
 * <pre>{@code
 * java -cp benchmarks/load/target/benchmarks-load.jar \
 *     dev.parley.benchmarks.coldstart.ColdStartDriver
 * }</pre>
 *
 * <p>Run it from the repository root (the default paths are relative to it). Options are {@code
 * --name value}; the report's header lists them all with their values.
 */
public final class ColdStartDriver {
  private static final Map<String, String> DEFAULTS =
      Map.ofEntries(
          Map.entry("runs", "15"),
          Map.entry("warmup-rounds", "1"),
          Map.entry("configs", "default,c1,lambda,cds,c1-cds"),
          Map.entry(
              "scenarios",
              "hello,memory-post,memory-connect,dynamodb-post,dynamodb-connect,"
                  + "postgres-post,postgres-connect,memory-post-bearer,dynamodb-post-bearer"),
          Map.entry("breakdown-config", "lambda"),
          Map.entry("breakdown-runs", "5"),
          Map.entry("lambda-jar", "deploy-lambda/target/parley-lambda.jar"),
          Map.entry("template", "deploy-lambda/template.yaml"),
          Map.entry("baseline-jar", "none"),
          Map.entry("probe-jar", "beside-this-jar"),
          Map.entry("dynamodb-local-dir", "sample-app/target/dynamodb-local"),
          // A role that may create a schema; "none": no PostgreSQL (no postgres-* scenario then).
          Map.entry("postgres-url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"),
          Map.entry("work-dir", "benchmarks/load/target/coldstart"),
          Map.entry("java", "this-jvm"),
          Map.entry("timeout-seconds", "120"));

  private final LoadArgs options;
  private final List<JvmConfig> configs;
  private final List<Scenario> scenarios;
  private final JvmConfig breakdownConfig;
  private final Path lambdaJar;
  private final Path probeJar;
  private final Path workDir;
  private final Path archives;
  private final String java;
  private final Duration timeout;
  private final Map<Path, Path> unpackedJars = new HashMap<>();
  private Map<String, String> environment;
  private LocalServices services;

  private ColdStartDriver(LoadArgs options) {
    this.options = options;
    List<String> toolOptions = templateToolOptions(Path.of(options.string("template")));
    // The lambda configuration runs with the options template.yaml gives the functions.
    Function<String, JvmConfig> configNamed =
        name -> {
          JvmConfig config = JvmConfig.named(name);
          return config.name().equals("lambda") ? config.withFlags(toolOptions) : config;
        };
    List<JvmConfig> named =
        Arrays.stream(options.string("configs").split(",")).map(configNamed).toList();
    if ("none".equals(options.string("baseline-jar"))) {
      this.configs = named;
    } else {
      Path baseline = existing(Path.of(options.string("baseline-jar")), "--baseline-jar");
      List<JvmConfig> both = new ArrayList<>(named);
      named.forEach(config -> both.add(config.baseline(baseline)));
      this.configs = List.copyOf(both);
    }
    this.scenarios =
        Arrays.stream(options.string("scenarios").split(",")).map(Scenario::named).toList();
    this.breakdownConfig = configNamed.apply(options.string("breakdown-config"));
    if (breakdownConfig.appCds()) {
      throw new IllegalArgumentException("--breakdown-config must be one without AppCDS");
    }
    this.lambdaJar = existing(Path.of(options.string("lambda-jar")), "--lambda-jar");
    this.probeJar = existing(probeJar(options.string("probe-jar")), "--probe-jar");
    this.workDir = Path.of(options.string("work-dir")).toAbsolutePath();
    this.archives = workDir.resolve("cds");
    this.java =
        "this-jvm".equals(options.string("java"))
            ? Path.of(System.getProperty("java.home"), "bin", "java").toString()
            : options.string("java");
    this.timeout = Duration.ofSeconds(options.integer("timeout-seconds", 5, 3600));
  }

  public static void main(String[] args) throws IOException {
    // DynamoDB Local's launcher and the SDK log through logback, at DEBUG without a logback.xml.
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    new ColdStartDriver(LoadArgs.parse(args, DEFAULTS)).run();
  }

  private void run() throws IOException {
    Files.createDirectories(archives);
    ColdStartReport report =
        new ColdStartReport(
            options.toString(), java, lambdaJar, probeJar, configs, scenarios, breakdownConfig);
    boolean breakdown = options.integer("breakdown-runs", 0, 1000) > 0;
    boolean needsDynamoDb = uses(Scenario.Store.DYNAMODB) || breakdown;
    String postgresUrl = options.string("postgres-url");
    if ("none".equals(postgresUrl)) {
      if (uses(Scenario.Store.POSTGRES)) {
        throw new IllegalArgumentException("--postgres-url none, but a postgres-* scenario");
      }
      postgresUrl = null;
    } else if (!uses(Scenario.Store.POSTGRES) && !breakdown) {
      postgresUrl = null;
    }
    try (LocalServices services =
        LocalServices.start(
            needsDynamoDb ? Path.of(options.string("dynamodb-local-dir")) : null,
            postgresUrl,
            workDir)) {
      this.services = services;
      environment = services.environment();
      report.postgres(services.postgresDescription());
      Map<Path, FileTime> trained = train();
      int warmups = options.integer("warmup-rounds", 0, 100);
      for (int round = 1; round <= warmups; round++) {
        round("warmup" + round, null);
        progress("warm-up round " + round + "/" + warmups + " done (not counted)");
      }
      int runs = options.integer("runs", 1, 10_000);
      for (int round = 1; round <= runs; round++) {
        round("r" + round, report);
        progress("round " + round + "/" + runs + " done");
      }
      report.archives(archivesRewritten(trained));
      int breakdownRuns = options.integer("breakdown-runs", 0, 1000);
      if (breakdownRuns > 0) {
        breakdown(
            report,
            breakdownRuns,
            services.dynamoDbEndpoint() != null,
            services.postgresSchema() != null);
      }
    }
    String text = report.render();
    System.out.print(text);
    Files.writeString(workDir.resolve("report.md"), text);
    Files.writeString(workDir.resolve("runs.csv"), report.csv());
    progress("report written to " + workDir.resolve("report.md") + " and runs.csv");
  }

  private boolean uses(Scenario.Store store) {
    return scenarios.stream().anyMatch(s -> s.store() == store);
  }

  /** One run of every configuration's every scenario, recorded unless {@code report} is null. */
  private void round(String round, ColdStartReport report) {
    for (JvmConfig config : configs) {
      for (Scenario scenario : scenarios) {
        String runId = config.name() + "-" + scenario.name() + "-" + round;
        Result result = probe(config, scenario, runId);
        if (report != null) {
          report.measured(config, scenario, result);
        }
      }
    }
  }

  /** The training run of each AppCDS archive; returns each archive's time of writing. */
  private Map<Path, FileTime> train() throws IOException {
    Map<Path, FileTime> written = new LinkedHashMap<>();
    for (JvmConfig config : configs) {
      if (!config.appCds()) {
        continue;
      }
      for (Scenario scenario : scenarios) {
        Path archive = config.archive(archives, scenario);
        // A stale archive (other jars, another JDK) would be replaced anyway; start clean.
        Files.deleteIfExists(archive);
        probe(config, scenario, config.name() + "-training");
        if (!Files.isRegularFile(archive)) {
          throw new IllegalStateException("the training run wrote no archive at " + archive);
        }
        written.put(archive, Files.getLastModifiedTime(archive));
      }
      progress("AppCDS archives of " + config.name() + " written by training runs");
    }
    return written;
  }

  /** The archives the JVM wrote again (it does when it cannot use one): those runs had no CDS. */
  private static List<Path> archivesRewritten(Map<Path, FileTime> trained) throws IOException {
    List<Path> rewritten = new ArrayList<>();
    for (Map.Entry<Path, FileTime> archive : trained.entrySet()) {
      if (!Files.getLastModifiedTime(archive.getKey()).equals(archive.getValue())) {
        rewritten.add(archive.getKey());
      }
    }
    return rewritten;
  }

  private void breakdown(ColdStartReport report, int runs, boolean dynamoDb, boolean postgres) {
    List<String> flags = breakdownConfig.flags();
    List<Scenario> probes = scenarios.stream().filter(s -> !s.isHello()).toList();
    for (Scenario scenario : probes) {
      Path log = workDir.resolve("classes-" + scenario.name() + ".log");
      List<String> logged = new ArrayList<>(flags);
      logged.add("-Xlog:class+load:file=" + log + ":tn");
      Result result = probe(logged, scenario, "census-" + scenario.name(), false);
      List<String> phases = scenario.phases();
      long[] at = phases.stream().mapToLong(p -> result.startNanos() + result.nanos(p)).toArray();
      report.census(scenario, ClassCensus.count(log, phases, at));
    }
    progress("class-load census done");
    for (int round = 1; round <= runs; round++) {
      for (Scenario scenario : probes) {
        report.primed(scenario, probe(flags, scenario, "primed-" + round, true));
      }
      for (String subsystem : SubsystemProbe.SUBSYSTEMS) {
        if ((dynamoDb || !subsystem.startsWith("dynamodb"))
            && (postgres || !subsystem.startsWith("postgres"))) {
          report.subsystem(subsystem, subsystem(flags, subsystem));
        }
      }
    }
    progress("primed and subsystem runs done (" + runs + " each)");
  }

  private Result probe(JvmConfig config, Scenario scenario, String runId) {
    Path jar = config.jar() == null ? lambdaJar : config.jar();
    Path classes = config.unpacked() ? unpacked(jar) : jar;
    return probe(config.options(archives, scenario), classes, scenario, runId, false);
  }

  /**
   * The deployment jar unpacked into a directory of the work directory, as Lambda unpacks a package
   * into {@code /var/task}; unpacked once per driver run (a stale copy is replaced).
   */
  private Path unpacked(Path jar) {
    return unpackedJars.computeIfAbsent(
        jar,
        j -> {
          Path directory = workDir.resolve("task-" + unpackedJars.size());
          try {
            deleteTree(directory);
            try (ZipFile zip = new ZipFile(j.toFile())) {
              for (ZipEntry entry : Collections.list(zip.entries())) {
                Path target = directory.resolve(entry.getName()).normalize();
                if (!target.startsWith(directory)) {
                  throw new IOException("entry outside the package: " + entry.getName());
                }
                if (entry.isDirectory()) {
                  Files.createDirectories(target);
                } else {
                  Files.createDirectories(target.getParent());
                  try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target);
                  }
                }
              }
            }
          } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + j + " into " + directory, e);
          }
          return directory;
        });
  }

  private static void deleteTree(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** A run of the breakdown: its configuration's options and layout, the driver's jar. */
  private Result probe(List<String> jvmOptions, Scenario scenario, String runId, boolean prime) {
    return probe(jvmOptions, breakdownClasses(), scenario, runId, prime);
  }

  private Path breakdownClasses() {
    return breakdownConfig.unpacked() ? unpacked(lambdaJar) : lambdaJar;
  }

  private Result probe(
      List<String> jvmOptions, Path jar, Scenario scenario, String runId, boolean prime) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    command.add("-cp");
    // The hello world needs nothing but itself; a probe sees the deployment jar and itself.
    command.add(scenario.isHello() ? probeJar.toString() : probeJar + File.pathSeparator + jar);
    command.add(scenario.mainClass());
    // A user of its own per run: the stores keep every run's data, and one user would soon hit
    // the per-user limits on room creation and posts.
    String user = "u-" + runId;
    String token = scenario.bearer() ? services.token(user) : null;
    command.addAll(scenario.arguments(runId, user, token, prime));
    return ChildJvm.run(command, environment, timeout);
  }

  private Result subsystem(List<String> jvmOptions, String subsystem) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", probeJar + File.pathSeparator + breakdownClasses()));
    command.addAll(
        List.of(SubsystemProbe.class.getName(), subsystem, "--bearer", services.token("alice")));
    return ChildJvm.run(command, environment, timeout);
  }

  private static final Pattern TOOL_OPTIONS =
      Pattern.compile("^\\s*JAVA_TOOL_OPTIONS:\\s*(\\S.*?)\\s*$");

  /**
   * The options of the {@code JAVA_TOOL_OPTIONS} variable template.yaml gives its functions, which
   * the {@code lambda} configuration runs with; none if the template sets none.
   */
  private static List<String> templateToolOptions(Path template) {
    try {
      List<String> options = new ArrayList<>();
      for (String line : Files.readAllLines(existing(template, "--template"))) {
        Matcher m = TOOL_OPTIONS.matcher(line);
        if (m.matches()) {
          options.addAll(Arrays.asList(m.group(1).split("\\s+")));
        }
      }
      return List.copyOf(options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + template, e);
    }
  }

  private static Path probeJar(String option) {
    if (!"beside-this-jar".equals(option)) {
      return Path.of(option);
    }
    try {
      Path self =
          Path.of(
              ColdStartDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // benchmarks-load.jar or classes/: both in benchmarks/load/target/.
      Path directory = self.getParent();
      try (Stream<Path> files = Files.list(directory)) {
        return files
            .filter(f -> f.getFileName().toString().endsWith("-coldstart-probe.jar"))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no *-coldstart-probe.jar in "
                            + directory
                            + ": build benchmarks/load, or pass --probe-jar"));
      }
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot tell where the driver was loaded from", e);
    }
  }

  private static Path existing(Path file, String option) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(option + ": no file at " + file.toAbsolutePath());
    }
    return file.toAbsolutePath();
  }

  private static void progress(String message) {
    System.err.println("[coldstart] " + message + " (load average " + loadAverage() + ")");
  }

  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | UncheckedIOException | ArrayIndexOutOfBoundsException e) {
      return "unknown";
    }
  }
}

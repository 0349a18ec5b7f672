package dev.parley.local.dynamodb;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DynamoDB Local, the official emulator, as a separate JVM: the one launcher of the sample's {@code
 * --store=dynamodb-local}, the tests and the benchmarks. Never in a production jar.
 *
 * <p>It bundles its own Jetty and an older AWS SDK, so it never shares our classpath: {@link
 * #start(Path)} writes a parentless helper POM (this module's resource, versions filtered in from
 * the parent's properties; the parent's BOMs would force our Jetty and AWS SDK onto it) into a work
 * directory and, the first time or when the POM changed, runs it with the project's Maven Wrapper,
 * which writes DynamoDB Local's classpath ({@code classpath.txt}) and its sqlite4java native
 * library ({@code native-libs/}) beside it. So nothing is installed by hand: Maven Central is the
 * source.
 *
 * <p>The emulator runs in memory with telemetry off (otherwise it calls home), on a free port, and
 * is addressed through the loopback interface; its output goes to {@code server.log} in the work
 * directory. Its server threads are not daemons, so it must be stopped: {@link #close} does, and a
 * shutdown hook does if nobody did.
 */
public final class DynamoDbLocal implements AutoCloseable {
  /** The helper POM, a resource of this module. */
  static final String POM_RESOURCE = "dynamodb-local-pom.xml";

  /** The POM that classpath.txt was resolved from, to notice a changed one. */
  private static final String RESOLVED_POM = "resolved-pom.xml";

  private static final long MAVEN_TIMEOUT_MINUTES = 10;

  /** DynamoDB Local's entry point. */
  static final String MAIN_CLASS = "com.amazonaws.services.dynamodbv2.local.main.ServerRunner";

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbLocal.class);

  private final Process process;
  private final int port;
  private final Thread shutdownHook;

  private DynamoDbLocal(Process process, int port) {
    this.process = process;
    this.port = port;
    this.shutdownHook = new Thread(this::stopProcess, "dynamodb-local-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Resolves DynamoDB Local into {@code workDirectory} if needed (see the class comment), starts it
   * and waits until it accepts connections.
   */
  public static DynamoDbLocal start(Path workDirectory) {
    Path directory = workDirectory.toAbsolutePath().normalize();
    resolve(directory);
    return start(
        readClasspathFile(directory.resolve("classpath.txt")),
        directory.resolve("native-libs"),
        directory.resolve("server.log"));
  }

  /**
   * The work directory {@code dynamodb-local} next to where {@code anchor} was loaded from: beside
   * the jar ({@code target/dynamodb-local} for a jar in {@code target}) or beside {@code
   * target/classes}, so a built sample and its tests share one resolved emulator.
   */
  public static Path besideTheCodeOf(Class<?> anchor) {
    CodeSource source = anchor.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      throw new IllegalStateException("cannot tell where " + anchor.getName() + " was loaded from");
    }
    try {
      Path location = Path.of(source.getLocation().toURI());
      return location.toAbsolutePath().getParent().resolve("dynamodb-local");
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IllegalStateException(
          anchor.getName() + " was not loaded from a file (" + source.getLocation() + ")", e);
    }
  }

  /**
   * Starts DynamoDB Local from a classpath resolved beforehand and waits until it accepts
   * connections.
   *
   * @param classpath DynamoDB Local's jar and its dependencies
   * @param nativeLibraries the directory with {@code libsqlite4java-linux-amd64-*.so}
   * @param log where its output goes
   */
  static DynamoDbLocal start(List<Path> classpath, Path nativeLibraries, Path log) {
    if (classpath.isEmpty()) {
      throw new IllegalArgumentException("DynamoDB Local's classpath is empty");
    }
    if (!Files.isDirectory(nativeLibraries)) {
      throw new IllegalArgumentException(
          "no sqlite4java native library directory at " + nativeLibraries);
    }
    int port = freeLoopbackPort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dsqlite4java.library.path=" + nativeLibraries.toAbsolutePath());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(
        classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    command.add(MAIN_CLASS);
    command.addAll(
        List.of("-inMemory", "-disableTelemetry", "-sharedDb", "-port", Integer.toString(port)));
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      DynamoDbLocal server = new DynamoDbLocal(process, port);
      server.awaitReady(log);
      LOG.info("DynamoDB Local (pid {}) listening on {}", process.pid(), server.endpoint());
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start DynamoDB Local", e);
    }
  }

  /** Reads a classpath file as written by {@code maven-dependency-plugin:build-classpath}. */
  static List<Path> readClasspathFile(Path file) {
    try {
      String content = Files.readString(file).trim();
      if (content.isEmpty()) {
        throw new IllegalArgumentException("empty classpath file " + file);
      }
      return List.of(content.split(File.pathSeparator)).stream().map(Path::of).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read DynamoDB Local's classpath file " + file, e);
    }
  }

  /** The endpoint to give the client, e.g. {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public long pid() {
    return process.pid();
  }

  public boolean isRunning() {
    return process.isAlive();
  }

  /** Stops the server and waits for its JVM to end. Idempotent. */
  @Override
  public void close() {
    stopProcess();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // Called from another shutdown hook: ours runs anyway and finds the process gone.
    }
  }

  private void stopProcess() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void awaitReady(Path log) {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "DynamoDB Local exited with " + process.exitValue() + " on start; see " + log);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        pause();
      }
    }
    stopProcess();
    throw new IllegalStateException(
        "DynamoDB Local did not start within " + STARTUP_TIMEOUT + "; see " + log);
  }

  /**
   * Between two connection attempts while the emulator starts: it is another process that gives no
   * readiness signal but its open port, so polling (bounded by {@link #STARTUP_TIMEOUT}) is the
   * only way to wait for it.
   */
  private static void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while DynamoDB Local was starting", e);
    }
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  /** Writes the helper POM into the directory, unless the same one is there already. */
  private static Path writePom(Path directory) {
    Path pom = directory.resolve("pom.xml");
    try (InputStream in = DynamoDbLocal.class.getResourceAsStream(POM_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the helper POM " + POM_RESOURCE + " is not on the classpath");
      }
      byte[] content = in.readAllBytes();
      Files.createDirectories(directory);
      if (!Files.isRegularFile(pom) || !Arrays.equals(Files.readAllBytes(pom), content)) {
        Files.write(pom, content);
      }
      return pom;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write DynamoDB Local's helper POM to " + pom, e);
    }
  }

  /** Runs the helper POM unless its classpath and native library are there and up to date. */
  static void resolve(Path directory) {
    Path pom = writePom(directory);
    if (isResolved(directory, pom)) {
      return;
    }
    Path log = directory.resolve("resolve.log");
    String maven = mavenCommand(directory);
    LOG.info(
        "resolving DynamoDB Local with Maven (first run only; may download it): {} -f {}; log: {}",
        maven,
        pom,
        log);
    ProcessBuilder builder =
        new ProcessBuilder(maven, "-q", "-B", "-f", pom.toString(), "generate-resources")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // The wrapper runs Maven on JAVA_HOME: the JDK running this process, whatever the shell says.
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    try {
      Process process = builder.start();
      if (!process.waitFor(MAVEN_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "Maven did not resolve DynamoDB Local within "
                + MAVEN_TIMEOUT_MINUTES
                + " minutes; see "
                + log);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "Maven could not resolve DynamoDB Local (exit "
                + process.exitValue()
                + "); see "
                + log);
      }
      Files.copy(pom, directory.resolve(RESOLVED_POM), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + maven + " to resolve DynamoDB Local", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while resolving DynamoDB Local", e);
    }
  }

  private static boolean isResolved(Path directory, Path pom) {
    Path classpath = directory.resolve("classpath.txt");
    Path nativeLibraries = directory.resolve("native-libs");
    try {
      if (!Files.isRegularFile(classpath) || !Files.isDirectory(nativeLibraries)) {
        return false;
      }
      try (Stream<Path> libraries = Files.list(nativeLibraries)) {
        if (libraries.findAny().isEmpty()) {
          return false;
        }
      }
      // Another POM (another DynamoDB Local version, say) resolves again.
      Path resolvedPom = directory.resolve(RESOLVED_POM);
      return Files.isRegularFile(resolvedPom)
          && Arrays.equals(Files.readAllBytes(resolvedPom), Files.readAllBytes(pom));
    } catch (IOException e) {
      return false;
    }
  }

  /** The Maven Wrapper of the repository the directory is in, else {@code mvn} on the PATH. */
  private static String mavenCommand(Path from) {
    for (Path dir = from; dir != null; dir = dir.getParent()) {
      Path wrapper = dir.resolve("mvnw");
      if (Files.isRegularFile(wrapper) && Files.isExecutable(wrapper)) {
        return wrapper.toString();
      }
    }
    return "mvn";
  }
}

package dev.parley.adapter.dynamodb;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DynamoDB Local as a separate JVM, for tests and local development only. It bundles its own Jetty
 * and an older AWS SDK, so it never shares our classpath: the caller passes its classpath (resolved
 * by Maven, see {@code src/test/dynamodb-local/pom.xml}) and the directory holding the sqlite4java
 * native library. It runs in memory with telemetry off (otherwise it calls home), on a free port,
 * and is addressed through the loopback interface. Its server threads are not daemons, so it must
 * be stopped: {@link #close} does, and a shutdown hook does if nobody did.
 */
public final class DynamoDbLocalServer implements AutoCloseable {
  /** DynamoDB Local's entry point. */
  static final String MAIN_CLASS = "com.amazonaws.services.dynamodbv2.local.main.ServerRunner";

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbLocalServer.class);

  private final Process process;
  private final int port;
  private final Thread shutdownHook;

  private DynamoDbLocalServer(Process process, int port) {
    this.process = process;
    this.port = port;
    this.shutdownHook = new Thread(this::stopProcess, "dynamodb-local-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts DynamoDB Local and waits until it accepts connections.
   *
   * @param classpath DynamoDB Local's jar and its dependencies
   * @param nativeLibraries the directory with {@code libsqlite4java-linux-amd64-*.so}
   * @param log where its output goes
   */
  public static DynamoDbLocalServer start(List<Path> classpath, Path nativeLibraries, Path log) {
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
      DynamoDbLocalServer server = new DynamoDbLocalServer(process, port);
      server.awaitReady(log);
      LOG.info("DynamoDB Local (pid {}) listening on {}", process.pid(), server.endpoint());
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start DynamoDB Local", e);
    }
  }

  /** Reads a classpath file as written by {@code maven-dependency-plugin:build-classpath}. */
  public static List<Path> readClasspathFile(Path file) {
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
}

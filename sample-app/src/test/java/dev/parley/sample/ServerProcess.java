package dev.parley.sample;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample server in a JVM of its own, started through {@link Main} as an operator starts it, so
 * that a test can send it real signals: SIGTERM ({@link #sigterm()}) and SIGKILL ({@link #kill()}).
 * Listens on a free loopback port; its output is collected for the assertions' messages.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern HTTP = Pattern.compile("running at (http://[^\\s,]+)");
  private static final Pattern WEB_SOCKET = Pattern.compile("^  WebSocket: (ws://\\S+)");

  private final Process process;
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> banner = new CompletableFuture<>();

  private ServerProcess(Process process) {
    this.process = process;
  }

  /**
   * Starts {@code Main args} with the {@code CHAT_*} settings given (the inherited ones are
   * dropped) and returns once the banner is out.
   */
  static ServerProcess start(Map<String, String> settings, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Dlogback.configurationFile=logback.xml");
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("CHAT_"));
    env.put("CHAT_HOST", "127.0.0.1");
    env.put("CHAT_PORT", "0");
    env.putAll(settings);
    ServerProcess server = new ServerProcess(builder.start());
    server.collect(server.process.getInputStream());
    try {
      server.banner.get(60, SECONDS);
    } catch (Exception e) {
      server.process.destroyForcibly();
      throw new AssertionError("no banner; output: " + server.out, e);
    }
    return server;
  }

  URI http() {
    return find(HTTP);
  }

  URI webSocket() {
    return find(WEB_SOCKET);
  }

  List<String> output() {
    return out;
  }

  /** SIGTERM through the handle, which leaves the output pipe open to read the last lines. */
  void sigterm() {
    process.toHandle().destroy();
  }

  /** SIGKILL: no shutdown hook, no drain, sockets reset by the kernel. */
  void kill() {
    process.toHandle().destroyForcibly();
  }

  /** The exit code, once the process has ended within {@code timeout}. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      throw new AssertionError("still running after " + timeout + "; output: " + out);
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(10, SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private URI find(Pattern pattern) {
    return out.stream()
        .map(pattern::matcher)
        .filter(Matcher::find)
        .findFirst()
        .map(m -> URI.create(m.group(1)))
        .orElseThrow(() -> new AssertionError("no " + pattern + " in " + out));
  }

  private void collect(InputStream stream) {
    Thread.ofPlatform()
        .daemon()
        .name("server-output")
        .start(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  out.add(line);
                  if (line.startsWith("  Stop:")) {
                    banner.complete(null);
                  }
                }
              } catch (IOException e) {
                // The process is gone; what was read is what there is.
              } finally {
                banner.completeExceptionally(new AssertionError("no banner in " + out));
              }
            });
  }
}

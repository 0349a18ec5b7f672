package dev.parley.sample;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The server as an operator runs it: a separate JVM started through {@link Main} with the
 * production logging configuration, stopped with SIGTERM as ECS stops a task.
 */
class MainProcessTest {
  private static final Pattern URL = Pattern.compile("running at (http://\\S+)");

  @Test
  @DisabledOnOs(value = OS.WINDOWS, disabledReason = "SIGTERM is a POSIX signal")
  void startsWithTheDevelopmentSecretServesAndStopsGracefullyOnSigterm() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            // The configuration the jar ships with, not the tests' quiet one.
            "-Dlogback.configurationFile=logback.xml",
            Main.class.getName());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("CHAT_"));
    env.put("CHAT_HOST", "127.0.0.1");
    env.put("CHAT_PORT", "0");
    Process process = builder.start();
    try {
      List<String> out = new CopyOnWriteArrayList<>();
      List<String> err = new CopyOnWriteArrayList<>();
      CompletableFuture<Void> banner = new CompletableFuture<>();
      CompletableFuture<Void> outDone = collect(process.getInputStream(), out, banner);
      CompletableFuture<Void> errDone = collect(process.getErrorStream(), err, null);

      banner.get(30, SECONDS);
      URI base =
          out.stream()
              .map(URL::matcher)
              .filter(Matcher::find)
              .findFirst()
              .map(m -> URI.create(m.group(1)))
              .orElseThrow();
      assertThat(out).anySatisfy(line -> assertThat(line).contains("--dev-token alice"));

      // A token from the command line opens the server's doors.
      ByteArrayOutputStream tokenOut = new ByteArrayOutputStream();
      Console console =
          new Console(
              new PrintStream(tokenOut, true, StandardCharsets.UTF_8),
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      assertThat(Main.run(new String[] {"--dev-token", "alice"}, Map.of(), console)).isZero();
      String token = tokenOut.toString(StandardCharsets.UTF_8).strip();
      ChatHttpClient api = new ChatHttpClient(base);
      Reply created = api.post("/rooms", token, Map.of("name", "from the CLI", "type", "public"));
      assertThat(created.status()).as("%s", created).isEqualTo(201);
      assertThat(api.get("/health/ready", null).status()).isEqualTo(200);

      // SIGTERM, through the handle: Process.destroy() would also close the output pipes.
      assertThat(process.toHandle().destroy()).isTrue();
      assertThat(process.waitFor(30, SECONDS)).as("exited after SIGTERM").isTrue();
      outDone.get(10, SECONDS);
      errDone.get(10, SECONDS);

      assertThat(process.exitValue()).as("killed by SIGTERM: 128 + 15").isEqualTo(143);
      assertThat(err).as("nothing on standard error").isEmpty();
      List<JsonNode> logs = new ArrayList<>();
      for (String line : out) {
        if (line.startsWith("{")) {
          logs.add(TestJson.parse(line));
        }
      }
      assertThat(logs).as("JSON log lines").isNotEmpty();
      assertThat(logs)
          .allSatisfy(
              log ->
                  assertThat(log.has("level") && log.has("loggerName") && log.has("mdc")).isTrue());
      assertThat(logs)
          .anySatisfy(
              log -> {
                assertThat(log.path("level").asText()).isEqualTo("WARN");
                assertThat(log.path("formattedMessage").asText())
                    .contains("DEVELOPMENT")
                    .contains("production");
              });
      assertThat(logs.getLast().path("formattedMessage").asText()).isEqualTo("Parley stopped");
      assertThat(logs)
          .noneSatisfy(log -> assertThat(log.path("level").asText()).isIn("DEBUG", "TRACE"));
    } finally {
      process.destroyForcibly();
    }
  }

  /** Reads lines into {@code lines}; completes {@code banner} after the banner's last line. */
  private static CompletableFuture<Void> collect(
      InputStream stream, List<String> lines, CompletableFuture<Void> banner) {
    return CompletableFuture.runAsync(
        () -> {
          try (BufferedReader reader =
              new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
              lines.add(line);
              if (banner != null && line.startsWith("  Stop:")) {
                banner.complete(null);
              }
            }
          } catch (IOException e) {
            // The process is gone; what was read is what there is.
          } finally {
            if (banner != null) {
              banner.completeExceptionally(new AssertionError("no banner in " + lines));
            }
          }
        },
        task -> Thread.ofPlatform().daemon().name("child-output").start(task));
  }
}

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
import java.time.Duration;
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
 * production logging configuration, stopped with SIGTERM as ECS stops a task; on the Fargate
 * runtime, and on the whole Lambda stack on one machine ({@code --runtime=lambda-local
 * --store=dynamodb-local}).
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "SIGTERM is a POSIX signal")
class MainProcessTest {
  private static final Pattern URL = Pattern.compile("running at (http://[^\\s,]+)");
  private static final Pattern WEB_SOCKET = Pattern.compile("(ws://\\S+)");

  @Test
  void startsWithTheDevelopmentSecretServesAndStopsGracefullyOnSigterm() throws Exception {
    Child child = Child.start(Duration.ofSeconds(30));
    try {
      ChatHttpClient api = new ChatHttpClient(child.base());
      Reply created =
          api.post("/rooms", devToken("alice"), Map.of("name", "from the CLI", "type", "public"));
      assertThat(created.status()).as("%s", created).isEqualTo(201);
      assertThat(api.get("/health/ready", null).status()).isEqualTo(200);

      child.stopWithSigterm();
    } finally {
      child.process().destroyForcibly();
    }
  }

  @Test
  void lambdaLocalOnDynamoDbLocalServesTheLambdaStackAndStopsDynamoDbLocalOnSigterm()
      throws Exception {
    // DynamoDB Local may be resolved with Maven first (a fresh checkout), hence the patience.
    Child child =
        Child.start(Duration.ofMinutes(3), "--runtime=lambda-local", "--store=dynamodb-local");
    try {
      assertThat(child.out())
          .anySatisfy(line -> assertThat(line).contains("(DynamoDB Local at http://127.0.0.1:"));
      List<ProcessHandle> emulators =
          child.process().descendants().filter(ProcessHandle::isAlive).toList();
      assertThat(emulators).as("DynamoDB Local's JVM").hasSize(1);

      // A room over the HTTP API, its message pushed to a WebSocket through @connections.
      String alice = devToken("alice");
      ChatHttpClient api = new ChatHttpClient(child.base());
      Reply room = api.post("/rooms", alice, Map.of("name", "on the laptop", "type", "public"));
      assertThat(room.status()).as("%s", room).isEqualTo(201);
      String roomId = room.json().path("id").asText();
      ChatSocket socket = ChatSocket.connect(child.webSocket(), alice, false);
      assertThat(socket.subscribe(roomId, null).path("type").asText()).isEqualTo("ack");
      Reply posted = api.post("/rooms/" + roomId + "/messages", alice, Map.of("text", "all local"));
      assertThat(posted.status()).as("%s", posted).isEqualTo(201);
      JsonNode event = socket.awaitEvent("message.posted", e -> true, "the message.posted");
      assertThat(event.path("data").path("text").asText()).isEqualTo("all local");

      child.stopWithSigterm();
      assertThat(socket.awaitClose()).as("closed by the stopping emulator").isEqualTo(1001);
      assertThat(emulators)
          .as("DynamoDB Local stopped with the process")
          .noneMatch(ProcessHandle::isAlive);
    } finally {
      child.process().descendants().forEach(ProcessHandle::destroyForcibly);
      child.process().destroyForcibly();
    }
  }

  /** A token from the command line, as the banner suggests. */
  private static String devToken(String user) {
    ByteArrayOutputStream tokenOut = new ByteArrayOutputStream();
    Console console =
        new Console(
            new PrintStream(tokenOut, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(Main.run(new String[] {"--dev-token", user}, Map.of(), console)).isZero();
    return tokenOut.toString(StandardCharsets.UTF_8).strip();
  }

  /** The server's JVM, its output as read so far, and the URLs its banner printed. */
  private record Child(
      Process process,
      List<String> out,
      List<String> err,
      CompletableFuture<Void> outDone,
      CompletableFuture<Void> errDone) {

    /**
     * Starts {@link Main} with {@code args}, the development secret and a free loopback port;
     * returns once the banner is out, which must say how to get a token.
     */
    static Child start(Duration bannerTimeout, String... args) throws Exception {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      // The configuration the jar ships with, not the tests' quiet one.
      command.add("-Dlogback.configurationFile=logback.xml");
      command.add(Main.class.getName());
      command.addAll(List.of(args));
      ProcessBuilder builder = new ProcessBuilder(command);
      Map<String, String> env = builder.environment();
      env.keySet().removeIf(name -> name.startsWith("CHAT_"));
      env.put("CHAT_HOST", "127.0.0.1");
      env.put("CHAT_PORT", "0");
      Process process = builder.start();
      List<String> out = new CopyOnWriteArrayList<>();
      List<String> err = new CopyOnWriteArrayList<>();
      CompletableFuture<Void> banner = new CompletableFuture<>();
      Child child =
          new Child(
              process,
              out,
              err,
              collect(process.getInputStream(), out, banner),
              collect(process.getErrorStream(), err, null));
      try {
        banner.get(bannerTimeout.toSeconds(), SECONDS);
      } catch (Exception e) {
        process.destroyForcibly();
        throw new AssertionError("no banner; standard error: " + err, e);
      }
      assertThat(out).anySatisfy(line -> assertThat(line).contains("--dev-token alice"));
      return child;
    }

    URI base() {
      return find(URL);
    }

    URI webSocket() {
      return find(WEB_SOCKET);
    }

    private URI find(Pattern pattern) {
      return out.stream()
          .map(pattern::matcher)
          .filter(Matcher::find)
          .findFirst()
          .map(m -> URI.create(m.group(1)))
          .orElseThrow(() -> new AssertionError("no " + pattern + " in " + out));
    }

    /**
     * SIGTERM, through the handle (Process.destroy() would also close the output pipes); then
     * checks the exit and the logs: JSON lines only, the development warning, no debug, and "Parley
     * stopped" last.
     */
    void stopWithSigterm() throws Exception {
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

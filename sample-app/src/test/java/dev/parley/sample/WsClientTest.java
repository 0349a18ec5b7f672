package dev.parley.sample;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.adapter.fargate.ChatServer;
import dev.parley.adapter.fargate.FargateServerConfig;
import dev.parley.application.config.ChatSettings;
import dev.parley.deploy.fargate.FargateInMemoryComponent;
import dev.parley.protocol.auth.JwtSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The one-file WebSocket client of the README's quick start, run as the README runs it ({@code
 * bin/java sample-app/ws-client/WsClient.java TOKEN ROOM_ID URL}) against a real server.
 */
class WsClientTest {
  private static final String SECRET = "ws-client-test-secret-0123456789-abcdef";
  private static final Path CLIENT = Path.of("ws-client", "WsClient.java");

  private ChatServer server;
  private Process client;

  @AfterEach
  void stop() {
    if (client != null) {
      client.destroyForcibly();
    }
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void subscribesPrintsEveryFrameAndPostsEachTypedLine() throws Exception {
    assertThat(CLIENT).as("run from the sample-app directory").exists();
    server =
        FargateInMemoryComponent.create(
                new FargateServerConfig("127.0.0.1", 0, Duration.ofSeconds(5)),
                JwtSettings.hs256(SECRET, null, null),
                ChatSettings.DEFAULTS)
            .server();
    server.start();
    ChatHttpClient api = new ChatHttpClient(server.httpUri());
    String alice = TestTokens.valid(SECRET, "alice");
    Reply created =
        api.post(
            "/rooms",
            alice,
            Map.of("name", "general", "type", "private", "invite", List.of("bob")));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    String room = created.json().path("id").asText();

    client =
        new ProcessBuilder(
                "sh",
                Path.of("..", "bin", "java").toString(),
                CLIENT.toString(),
                TestTokens.valid(SECRET, "bob"),
                room,
                server.webSocketUri().toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
              } catch (IOException | UncheckedIOException e) {
                // The client is gone.
              }
            });

    assertThat(awaitLine(lines, "\"type\":\"hello\"")).contains("\"userId\":\"bob\"");
    assertThat(awaitLine(lines, "\"action\":\"subscribe\"")).contains("\"subscribed\":true");

    Writer typing = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8);
    typing.write("hi alice, it's \"bob\"\n");
    typing.flush();
    assertThat(awaitLine(lines, "\"event\":\"message.posted\""))
        .contains("\"author\":\"bob\"")
        .contains("hi alice, it's \\\"bob\\\"");
    Reply history = api.get("/rooms/" + room + "/messages", alice);
    assertThat(history.json().path("messages").path(0).path("text").asText())
        .isEqualTo("hi alice, it's \"bob\"");

    api.post(
        "/rooms/" + room + "/messages",
        alice,
        Map.of("text", "hello bob", "clientMessageId", "a1"));
    assertThat(awaitLine(lines, "\"text\":\"hello bob\"")).contains("\"author\":\"alice\"");

    typing.close(); // end of input: the client says goodbye and exits
    assertThat(client.waitFor(15, SECONDS)).as("client exited").isTrue();
    assertThat(client.exitValue()).isZero();
  }

  private static String awaitLine(BlockingQueue<String> lines, String containing)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line != null && line.contains(containing)) {
        return line;
      }
    }
    throw new AssertionError("the client printed no line with " + containing);
  }
}

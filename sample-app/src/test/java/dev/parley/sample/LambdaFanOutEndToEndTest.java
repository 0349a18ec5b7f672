package dev.parley.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.adapter.lambda.LambdaConfig;
import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.domain.presence.Connection;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.user.UserId;
import dev.parley.local.apigateway.ApiGatewayEmulator;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A big room on Lambda ({@code --runtime=lambda-local --store=postgres}): an event for more
 * connections than the fan-out threshold goes to the fan-out function by an asynchronous Lambda
 * invocation, through the emulator's Invoke API and the real SDK clients, and the post that raised
 * it answers before the fan-out is done. Real WebSockets over loopback, real PostgreSQL.
 *
 * <p>The room has {@value #DEFAULT_ROOM} connections, one user each ({@code
 * -Dparley.fanout.connections=N} for another size), so the event goes out in five batches. On the
 * 2-core machine this takes about a minute, most of it opening and subscribing the sockets (a
 * thousand take about 40 s). {@value #VANISHED} of them vanish before the post, as when API Gateway
 * misses a {@code $disconnect}: the fan-out finds them gone (410) and removes them from the
 * registry.
 */
class LambdaFanOutEndToEndTest {
  static final int DEFAULT_ROOM = 5_000;
  static final int ROOM = Integer.getInteger("parley.fanout.connections", DEFAULT_ROOM);
  static final int VANISHED = 20;

  /** How many sockets open (and subscribe) at once: as many as the store has pooled connections. */
  private static final int OPENING_AT_ONCE = 10;

  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final String TEXT = "to everyone in the big room";

  @RegisterExtension static final RunningLambdaLocal STACK = new RunningLambdaLocal("postgres");

  private final List<Subscriber> subscribers = new ArrayList<>();

  @AfterEach
  void closeSockets() {
    subscribers.forEach(s -> s.socket.abort());
  }

  @Test
  void aPostToABigRoomAnswersBeforeItsFanOutEndsAndReachesEveryLiveConnection() throws Exception {
    assertThat(ROOM).isGreaterThan(LambdaConfig.FanOut.DEFAULT_THRESHOLD);
    ApiGatewayEmulator emulator = STACK.local().emulator();
    ConnectionRegistryPort registry = STACK.local().runtime().connections();
    ChatHttpClient api = new ChatHttpClient(emulator.httpUri());
    String room = createPublicRoom(api, "fan-owner");

    long openingStarted = System.nanoTime();
    openAndSubscribe(emulator, room);
    long opened = System.nanoTime();
    List<ConnectionId> vanished = new ArrayList<>();
    for (Subscriber subscriber : subscribers.subList(0, VANISHED)) {
      ConnectionId id = connectionOf(registry, subscriber.user);
      assertThat(emulator.vanish(id.value())).as("%s was open", id).isTrue();
      vanished.add(id);
    }
    List<Subscriber> live = subscribers.subList(VANISHED, ROOM);

    long posting = System.nanoTime();
    Reply posted =
        api.post(
            "/rooms/" + room + "/messages",
            TestTokens.valid(ChatEndToEndScenarios.SECRET, "fan-owner"),
            Map.of("text", TEXT));
    long answered = System.nanoTime();
    assertThat(posted.status()).as("%s", posted).isEqualTo(201);

    CompletableFuture.allOf(live.stream().map(s -> s.received).toArray(CompletableFuture[]::new))
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    List<Long> arrivals = live.stream().map(s -> s.received.join()).sorted().toList();
    long afterTheAnswer = arrivals.stream().filter(at -> at > answered).count();
    System.out.printf(
        "fan-out to %d connections (%d vanished): opening and subscribing took %d ms; the post"
            + " answered in %d ms; the last delivery came %d ms after the post; %d of %d"
            + " deliveries arrived after the answer%n",
        ROOM,
        VANISHED,
        millis(opened - openingStarted),
        millis(answered - posting),
        millis(arrivals.getLast() - posting),
        afterTheAnswer,
        live.size());
    // Posting in the request, every delivery would be done before the answer; here most come
    // after it: the answer did not wait for the fan-out.
    assertThat(afterTheAnswer)
        .as("deliveries that arrived after the post's answer")
        .isGreaterThan(live.size() / 2);

    // The fan-out learnt from 410s that the vanished connections are gone, and forgot them.
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(vanished)
                    .allSatisfy(id -> assertThat(registry.find(id, Instant.now())).isEmpty()));
    assertThat(live)
        .allSatisfy(s -> assertThat(registry.byUser(UserId.of(s.user), Instant.now())).hasSize(1));
  }

  private static String createPublicRoom(ChatHttpClient api, String owner) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "the big room");
    body.put("type", "public");
    Reply created = api.post("/rooms", TestTokens.valid(ChatEndToEndScenarios.SECRET, owner), body);
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    return created.json().path("id").asText();
  }

  /** Opens {@link #ROOM} sockets, one user each, and subscribes each to the room. */
  private void openAndSubscribe(ApiGatewayEmulator emulator, String room) throws Exception {
    String subscribe =
        TestJson.write(
            Map.of(
                "action",
                "subscribe",
                "requestId",
                "subscribe",
                "rooms",
                List.of(Map.of("roomId", room))));
    for (int from = 0; from < ROOM; from += OPENING_AT_ONCE) {
      List<Subscriber> wave =
          IntStream.range(from, Math.min(ROOM, from + OPENING_AT_ONCE))
              .mapToObj(i -> new Subscriber("fan-" + i))
              .toList();
      List<CompletableFuture<JsonNode>> acks = new ArrayList<>();
      for (Subscriber subscriber : wave) {
        acks.add(
            ChatHttpClient.shared()
                .newWebSocketBuilder()
                .header(
                    "Authorization",
                    "Bearer " + TestTokens.valid(ChatEndToEndScenarios.SECRET, subscriber.user))
                .connectTimeout(ChatSocket.TIMEOUT)
                .buildAsync(emulator.webSocketUri(), subscriber)
                .thenCompose(socket -> socket.sendText(subscribe, true))
                .thenCompose(socket -> subscriber.ack));
      }
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
          .get(WAIT.toSeconds(), TimeUnit.SECONDS);
      for (CompletableFuture<JsonNode> ack : acks) {
        assertThat(ack.join().path("result").path("rooms").path(0).path("subscribed").asBoolean())
            .as("%s", ack.join())
            .isTrue();
      }
      subscribers.addAll(wave);
    }
  }

  private static ConnectionId connectionOf(ConnectionRegistryPort registry, String user) {
    List<Connection> connections = registry.byUser(UserId.of(user), Instant.now());
    assertThat(connections).as("connections of %s", user).hasSize(1);
    return connections.getFirst().id();
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  /**
   * One member of the audience: completes {@link #ack} with the answer to its subscribe and {@link
   * #received} with the time ({@link System#nanoTime}) the post's event reached it.
   */
  private static final class Subscriber implements WebSocket.Listener {
    final String user;
    final CompletableFuture<JsonNode> ack = new CompletableFuture<>();
    final CompletableFuture<Long> received = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    volatile WebSocket socket;

    Subscriber(String user) {
      this.user = user;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      socket = webSocket;
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        long at = System.nanoTime();
        JsonNode frame = TestJson.parse(partial.toString());
        partial.setLength(0);
        if ("subscribe".equals(frame.path("requestId").asText(null))) {
          ack.complete(frame);
        } else if (frame.path("event").asText().equals("message.posted")
            && frame.path("data").path("text").asText().equals(TEXT)) {
          received.complete(at);
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      ack.completeExceptionally(error);
      received.completeExceptionally(error);
    }
  }
}

package dev.parley.sample;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.adapter.fargate.ChatServer;
import dev.parley.adapter.fargate.FargateServerConfig;
import dev.parley.application.config.ChatSettings;
import dev.parley.application.port.in.HistoryPage;
import dev.parley.application.port.in.ListHistoryQuery;
import dev.parley.application.port.in.MessageView;
import dev.parley.application.port.in.Page;
import dev.parley.deploy.fargate.FargateInMemoryComponent;
import dev.parley.domain.message.Message;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.auth.JwtSettings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM on Fargate, minus the signal: eight clients post as fast as they can while the server is
 * stopped. Nothing acknowledged may be lost, nothing may be stored without its acknowledgement
 * reaching the client, every request is either answered or cleanly refused, and WebSocket clients
 * are told the server is going away (1001).
 */
class GracefulShutdownTest {
  private static final String SECRET = "graceful-shutdown-test-secret-0123456789";
  private static final int POSTERS = 8;
  private static final int WARM_UP_POSTS_EACH = 5;
  private static final Duration DRAIN = Duration.ofSeconds(10);

  /** When an attempt ran, relative to {@code server.stop()}. */
  enum Phase {
    BEFORE_STOP,
    DURING_STOP,
    AFTER_STOP
  }

  /** How an attempt ended. */
  enum Outcome {
    CREATED,
    UNAVAILABLE_503,
    CONNECTION_REFUSED,
    CONNECTION_CLOSED,
    TIMED_OUT,
    OTHER_STATUS
  }

  record Attempt(
      String clientMessageId, Phase phase, Outcome outcome, String messageId, String detail) {
    boolean refused() {
      return outcome == Outcome.UNAVAILABLE_503
          || outcome == Outcome.CONNECTION_REFUSED
          || outcome == Outcome.CONNECTION_CLOSED;
    }
  }

  private final AtomicBoolean stopCalled = new AtomicBoolean();
  private final CountDownLatch stopReturned = new CountDownLatch(1);
  private final CountDownLatch warmedUp = new CountDownLatch(POSTERS * WARM_UP_POSTS_EACH);
  private final Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();

  @Test
  void stopDrainsInFlightPostsRefusesNewOnesAndClosesWebSocketsWithGoingAway() throws Exception {
    FargateInMemoryComponent component =
        FargateInMemoryComponent.create(
            new FargateServerConfig("127.0.0.1", 0, DRAIN),
            JwtSettings.hs256(SECRET, null, null),
            // Eight clients posting flat out would hit the per-user post limit; that is not
            // what this test is about.
            ChatSettings.withoutUserLimits());
    ChatServer server = component.server();
    server.start();
    ExecutorService posters = Executors.newFixedThreadPool(POSTERS);
    List<ChatSocket> sockets = new ArrayList<>();
    try {
      List<String> writers = IntStream.range(0, POSTERS).mapToObj(i -> "writer-" + i).toList();
      ChatHttpClient setup = new ChatHttpClient(server.httpUri());
      Reply created =
          setup.post(
              "/rooms",
              token("owner"),
              Map.of("name", "busy room", "type", "public", "invite", writers));
      assertThat(created.status()).as("%s", created).isEqualTo(201);
      String room = created.json().path("id").asText();
      for (String listener : List.of("owner", writers.getFirst())) {
        ChatSocket socket = ChatSocket.connect(server.webSocketUri(), token(listener));
        sockets.add(socket);
        JsonNode ack = socket.subscribe(room, null);
        assertThat(ack.path("result").path("rooms").path(0).path("subscribed").asBoolean())
            .as("%s", ack)
            .isTrue();
      }

      // A client of their own, so its pool holds only the posters' connections.
      ChatHttpClient api = new ChatHttpClient(server.httpUri(), ChatHttpClient.newHttpClient());
      List<Future<?>> running = new ArrayList<>();
      for (String writer : writers) {
        running.add(posters.submit(() -> postUntilRefused(api, room, writer)));
      }
      assertThat(warmedUp.await(30, SECONDS))
          .as("every poster got %s messages in before the stop; %s", WARM_UP_POSTS_EACH, summary())
          .isTrue();

      stopCalled.set(true);
      long started = System.nanoTime();
      server.stop();
      Duration stopping = Duration.ofNanos(System.nanoTime() - started);
      stopReturned.countDown();

      posters.shutdown();
      assertThat(posters.awaitTermination(30, SECONDS)).as("posters finished").isTrue();
      for (Future<?> poster : running) {
        poster.get();
      }
      assertThat(server.isRunning()).isFalse();
      assertThat(stopping).as("stop() took").isLessThan(DRAIN.plusSeconds(5));
      for (ChatSocket socket : sockets) {
        assertThat(socket.awaitClose()).as("WebSocket close code").isEqualTo(1001);
      }

      List<Attempt> all = List.copyOf(attempts);
      String summary = summary();
      assertThat(all)
          .as("before the stop every post is created; %s", summary)
          .filteredOn(a -> a.phase() == Phase.BEFORE_STOP)
          .allMatch(a -> a.outcome() == Outcome.CREATED);
      assertThat(all)
          .as("while stopping, a post is created or cleanly refused; %s", summary)
          .filteredOn(a -> a.phase() == Phase.DURING_STOP)
          .allMatch(a -> a.outcome() == Outcome.CREATED || a.refused());
      assertThat(all)
          .as("after the stop, every post is refused; %s", summary)
          .filteredOn(a -> a.phase() == Phase.AFTER_STOP)
          .hasSize(POSTERS)
          .allMatch(a -> a.outcome() == Outcome.CONNECTION_REFUSED);
      assertThat(all)
          .as("a kept-alive connection is cut at most once; %s", summary)
          .filteredOn(a -> a.outcome() == Outcome.CONNECTION_CLOSED)
          .hasSizeLessThanOrEqualTo(POSTERS);

      // What the clients were told is exactly what the store holds: nothing acknowledged was
      // lost, and nothing was stored whose acknowledgement did not reach its client.
      Map<String, String> acknowledged =
          all.stream()
              .filter(a -> a.outcome() == Outcome.CREATED)
              .collect(
                  Collectors.toMap(
                      Attempt::clientMessageId, Attempt::messageId, (a, b) -> a, TreeMap::new));
      List<Message> stored = history(component, room);
      Map<String, String> storedIds =
          stored.stream()
              .collect(
                  Collectors.toMap(
                      m -> m.clientMessageId().value(),
                      m -> m.id().value(),
                      (a, b) -> a,
                      TreeMap::new));
      assertThat(storedIds).as(summary).isEqualTo(acknowledged);
      assertThat(stored.stream().mapToLong(Message::sequence))
          .as("sequences without gaps")
          .containsExactlyElementsOf(LongStream.rangeClosed(1, stored.size()).boxed().toList());
    } finally {
      posters.shutdownNow();
      sockets.forEach(ChatSocket::abort);
      if (server.isRunning()) {
        server.stop();
      }
    }
  }

  /**
   * Posts until the server refuses; when that happens during the stop, waits for the stop to end
   * and makes one last attempt, which must find nobody listening.
   */
  private void postUntilRefused(ChatHttpClient api, String room, String writer) {
    int created = 0;
    for (int n = 0; n < 1_000_000; n++) {
      Attempt attempt = post(api, room, writer, writer + "-" + n, null);
      attempts.add(attempt);
      if (attempt.outcome() == Outcome.CREATED) {
        if (created++ < WARM_UP_POSTS_EACH) {
          warmedUp.countDown();
        }
        continue;
      }
      if (!stopCalled.get()) {
        return; // a failure with no stop in sight: the assertions report it
      }
      try {
        if (stopReturned.await(30, SECONDS)) {
          attempts.add(post(api, room, writer, writer + "-last", Phase.AFTER_STOP));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
  }

  /**
   * One post. Its phase is AFTER_STOP when given; otherwise BEFORE_STOP only if the stop had not
   * begun when the answer came, since a request sent just before the stop runs into it.
   */
  private Attempt post(
      ChatHttpClient api, String room, String writer, String clientMessageId, Phase after) {
    Result result = post(api, room, writer, clientMessageId);
    Phase phase = after != null ? after : stopCalled.get() ? Phase.DURING_STOP : Phase.BEFORE_STOP;
    return new Attempt(
        clientMessageId, phase, result.outcome(), result.messageId(), result.detail());
  }

  /** How one request ended: the message id when created, what happened otherwise. */
  private record Result(Outcome outcome, String messageId, String detail) {}

  private static Result post(
      ChatHttpClient api, String room, String writer, String clientMessageId) {
    try {
      Reply reply =
          api.post(
              "/rooms/" + room + "/messages",
              token(writer),
              Map.of("text", "busy " + clientMessageId, "clientMessageId", clientMessageId));
      return switch (reply.status()) {
        case 201 -> new Result(Outcome.CREATED, reply.json().path("id").asText(), null);
        case 503 -> new Result(Outcome.UNAVAILABLE_503, null, reply.toString());
        default -> new Result(Outcome.OTHER_STATUS, null, reply.toString());
      };
    } catch (ConnectException e) {
      return new Result(Outcome.CONNECTION_REFUSED, null, e.toString());
    } catch (HttpTimeoutException e) {
      return new Result(Outcome.TIMED_OUT, null, e.toString());
    } catch (IOException e) {
      return new Result(Outcome.CONNECTION_CLOSED, null, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(Outcome.OTHER_STATUS, null, e.toString());
    }
  }

  /** The whole history of the room, read through the use case (the server is gone by now). */
  private static List<Message> history(FargateInMemoryComponent component, String room) {
    List<Message> all = new ArrayList<>();
    String cursor = null;
    do {
      HistoryPage page =
          component
              .listHistory()
              .listHistory(
                  new ListHistoryQuery(
                      UserId.of("owner"),
                      room,
                      null,
                      cursor == null ? 0L : null,
                      null,
                      cursor,
                      Page.MAX_LIMIT));
      page.messages().stream().map(MessageView::message).forEach(all::add);
      cursor = page.newerCursor();
    } while (cursor != null);
    return all;
  }

  private String summary() {
    Map<String, Long> counts =
        attempts.stream()
            .collect(
                Collectors.groupingBy(
                    a -> a.phase() + "/" + a.outcome(), TreeMap::new, Collectors.counting()));
    List<String> odd =
        attempts.stream()
            .filter(a -> a.outcome() != Outcome.CREATED)
            .map(a -> a.clientMessageId() + " " + a.phase() + " " + a.detail())
            .limit(20)
            .toList();
    return "attempts " + counts + "; not created: " + odd;
  }

  private static String token(String user) {
    return TestTokens.valid(SECRET, user);
  }
}

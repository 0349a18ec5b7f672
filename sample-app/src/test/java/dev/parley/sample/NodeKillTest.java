package dev.parley.sample;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Two nodes of the sample server (JVMs of their own) on one PostgreSQL, the cluster bus between
 * them; a WebSocket client subscribed on node B; {@code kill -9} of node A mid-burst. Posts through
 * B keep working, the clients of A fail over to B and retry with the same {@code clientMessageId},
 * every intended message ends stored exactly once, and the client on B misses no acknowledged
 * message: live, or on resuming with {@code afterSeq}.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "SIGKILL is a POSIX signal")
class NodeKillTest {
  private static final String SECRET = "node-kill-test-secret-0123456789abcdef";
  private static final int CLIENTS = 4;
  private static final int POSTS_EACH = 60;
  // The default per-user post limit applies in the children: spread the posts over enough users.
  private static final int USERS = 16;

  /** Between two posts of one client: a burst that lasts across the kill, not a wait. */
  private static final Duration PACE = Duration.ofMillis(20);

  private final FaultFigures figures = new FaultFigures("kill -9 of one node of two");
  private final AtomicBoolean killed = new AtomicBoolean();
  private final AtomicInteger counter = new AtomicInteger();
  private final AtomicInteger throughBAfterKill = new AtomicInteger();
  private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();

  @Test
  void theSurvivorKeepsServingAndItsSubscriberMissesNoAcknowledgedMessage() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
    ChatSocket socket = null;
    try (PrivatePostgres postgres = PrivatePostgres.start()) {
      Map<String, String> settings =
          Map.of(
              "CHAT_JWT_SECRET",
              SECRET,
              "CHAT_POSTGRES_URL",
              postgres.url(),
              "CHAT_POSTGRES_POOL_SIZE",
              "6");
      try (ServerProcess nodeA = ServerProcess.start(settings, "--store=postgres");
          ServerProcess nodeB = ServerProcess.start(settings, "--store=postgres")) {
        ChatHttpClient viaA = new ChatHttpClient(nodeA.http(), ChatHttpClient.newHttpClient());
        ChatHttpClient viaB = new ChatHttpClient(nodeB.http(), ChatHttpClient.newHttpClient());
        List<String> members = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
          members.add("w" + i);
        }
        Reply created =
            viaB.post(
                "/rooms",
                token("owner"),
                Map.of("name", "two nodes", "type", "public", "invite", members));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String room = created.json().path("id").asText();
        socket = ChatSocket.connect(nodeB.webSocket(), token("owner"));
        JsonNode ack = socket.subscribe(room, null);
        assertThat(ack.path("result").path("rooms").path(0).path("subscribed").asBoolean())
            .as("%s", ack)
            .isTrue();

        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          boolean onA = c % 2 == 0;
          clients.add(threads.submit(() -> postAll(onA ? viaA : viaB, viaB, room, onA)));
        }
        await("a third acknowledged before the kill")
            .atMost(Duration.ofSeconds(30))
            .until(() -> acknowledged.size() >= CLIENTS * POSTS_EACH / 3);
        killed.set(true);
        nodeA.kill();
        assertThat(nodeA.awaitExit(Duration.ofSeconds(10))).as("SIGKILL: 128 + 9").isEqualTo(137);
        for (Future<?> client : clients) {
          client.get(60, SECONDS);
        }
        Reply ready = viaB.get("/health/ready", null);

        Set<Long> live = seenLive(socket, room);
        Set<Long> missing = new TreeSet<>(acknowledged.values());
        // A bounded wait that may end unsatisfied on purpose: what has not arrived live by then is
        // fetched by resuming below, which is what the scenario tests.
        long deadlineLive = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!live.containsAll(missing) && System.nanoTime() < deadlineLive) {
          Thread.sleep(100);
          live = seenLive(socket, room);
        }
        missing.removeAll(live);
        Set<Long> resumed = resume(socket, viaB, room, live);
        Set<Long> received = new TreeSet<>(live);
        received.addAll(resumed);

        List<JsonNode> stored = FaultFigures.history(viaB, token("owner"), room);
        Map<String, Long> storedSeqs = new TreeMap<>();
        for (JsonNode message : stored) {
          Long previous =
              storedSeqs.put(
                  message.path("clientMessageId").asText(), message.path("sequence").asLong());
          assertThat(previous).as("stored once: %s", message).isNull();
        }
        System.out.println(
            "[fault suite] "
                + figures
                + "; events live "
                + live.size()
                + ", missed live "
                + missing.size()
                + ", by resume "
                + resumed.size());
        assertThat(figures.unexpected()).as("%s", figures).isEmpty();
        assertThat(ready.status()).as("node B stays ready: %s", ready).isEqualTo(200);
        assertThat(throughBAfterKill.get()).as("posts through B after the kill").isPositive();
        assertThat(storedSeqs).as("every intended message").hasSize(CLIENTS * POSTS_EACH);
        assertThat(storedSeqs).as("every acknowledged post").containsAllEntriesOf(acknowledged);
        Set<Long> notReceived = new TreeSet<>(acknowledged.values());
        notReceived.removeAll(received);
        assertThat(notReceived).as("acknowledged, never received on B").isEmpty();
      }
    } finally {
      threads.shutdownNow();
      if (socket != null) {
        socket.abort();
      }
    }
  }

  /**
   * Posts through {@code node} until it dies, then through {@code survivor}, retrying the message
   * whose answer was lost with the same {@code clientMessageId} (201, or 200 if it was stored).
   */
  private void postAll(ChatHttpClient node, ChatHttpClient survivor, String room, boolean onA) {
    ChatHttpClient api = node;
    for (int i = 0; i < POSTS_EACH && !Thread.currentThread().isInterrupted(); i++) {
      int n = counter.getAndIncrement();
      String clientMessageId = "post-" + n;
      for (int attempt = 0; attempt < 3; attempt++) {
        boolean throughB = !onA || api == survivor;
        figures.sent();
        try {
          Reply reply =
              api.post(
                  "/rooms/" + room + "/messages",
                  token("w" + n % USERS),
                  Map.of("text", "post " + n, "clientMessageId", clientMessageId));
          figures.outcome(Integer.toString(reply.status()));
          if (reply.status() == 201 || reply.status() == 200) {
            acknowledged.put(clientMessageId, reply.json().path("sequence").asLong());
            if (throughB && killed.get()) {
              throughBAfterKill.incrementAndGet();
            }
          } else {
            figures.unexpected(reply.toString());
          }
          break;
        } catch (IOException e) {
          figures.outcome("node gone");
          if (throughB || !killed.get()) {
            figures.unexpected(clientMessageId + ": " + e);
            break;
          }
          api = survivor;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      try {
        Thread.sleep(PACE.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static Set<Long> seenLive(ChatSocket socket, String room) {
    Set<Long> sequences = new TreeSet<>();
    for (JsonNode frame : socket.seen()) {
      if (frame.path("type").asText().equals("event")
          && frame.path("event").asText().equals("message.posted")
          && frame.path("data").path("roomId").asText().equals(room)) {
        sequences.add(frame.path("data").path("sequence").asLong());
      }
    }
    return sequences;
  }

  /**
   * What a client does after a gap: subscribes again with {@code afterSeq} set to the last sequence
   * it holds without a gap; when the answer is limited (the newest messages only), reads the rest
   * of the gap from the history.
   */
  private static Set<Long> resume(
      ChatSocket socket, ChatHttpClient api, String room, Set<Long> live) throws Exception {
    long contiguous = 0;
    while (live.contains(contiguous + 1)) {
      contiguous++;
    }
    Set<Long> resumed = new TreeSet<>();
    JsonNode resume =
        socket.subscribe(room, contiguous).path("result").path("rooms").path(0).path("resume");
    for (JsonNode message : resume.path("messages")) {
      resumed.add(message.path("sequence").asLong());
    }
    if (resume.path("limited").asBoolean()) {
      for (JsonNode message : FaultFigures.history(api, token("owner"), room, contiguous)) {
        resumed.add(message.path("sequence").asLong());
      }
    }
    resumed.removeAll(live);
    return resumed;
  }

  private static String token(String user) {
    return TestTokens.valid(SECRET, user);
  }
}

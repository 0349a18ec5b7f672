package dev.parley.sample;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.adapter.fargate.FargateServerConfig;
import dev.parley.adapter.postgres.PostgresConfig;
import dev.parley.application.config.ChatSettings;
import dev.parley.deploy.fargate.FargateDeployment;
import dev.parley.protocol.auth.JwtSettings;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The database stopped ({@code pg_ctl stop -m fast}) and started again while four clients post:
 * meanwhile every post is answered 503 problem+json with {@code Retry-After} (never a 500, never a
 * hang), readiness says 503, and the same server recovers by itself. Clients that retry with the
 * same {@code clientMessageId} end with every message stored exactly once; nothing acknowledged is
 * lost. The server runs in-process on a PostgreSQL of the test's own ({@link PrivatePostgres}).
 */
class DatabaseRestartTest {
  private static final String SECRET = "database-restart-test-secret-0123456789";
  private static final int CLIENTS = 4;
  private static final int POSTS_EACH = 100;

  /** Between two posts of one client: a burst that lasts across the outage, not a wait. */
  private static final Duration PACE = Duration.ofMillis(15);

  private static final Duration RETRY_PAUSE = Duration.ofMillis(200);
  private static final Duration OUTAGE = Duration.ofSeconds(2);

  private final FaultFigures figures = new FaultFigures("database stopped and restarted");
  private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
  private final Map<String, String> replayed = new ConcurrentHashMap<>();
  private final Queue<Integer> readiness = new ConcurrentLinkedQueue<>();

  @Test
  void postsDuringAnOutageAre503AndRetriedPostsAreStoredExactlyOnceWithoutARestart()
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(CLIENTS + 1);
    AtomicBoolean watching = new AtomicBoolean(true);
    FargateDeployment deployment = null;
    try (PrivatePostgres postgres = PrivatePostgres.start()) {
      deployment =
          FargateDeployment.onPostgres(
              new FargateServerConfig("127.0.0.1", 0, Duration.ofSeconds(5)),
              JwtSettings.hs256(SECRET, null, null),
              ChatSettings.withoutUserLimits(),
              PostgresConfig.of(postgres.url(), null, null));
      deployment.server().start();
      URI base = deployment.server().httpUri();
      ChatHttpClient api = new ChatHttpClient(base, ChatHttpClient.newHttpClient());
      List<String> writers = IntStream.range(0, CLIENTS).mapToObj(i -> "writer-" + i).toList();
      Reply created =
          api.post(
              "/rooms",
              token("owner"),
              Map.of("name", "outage", "type", "public", "invite", writers));
      assertThat(created.status()).as("%s", created).isEqualTo(201);
      String room = created.json().path("id").asText();

      threads.submit(() -> watchReadiness(api, watching));
      List<Future<?>> clients = new ArrayList<>();
      for (String writer : writers) {
        clients.add(threads.submit(() -> postAll(api, room, writer)));
      }
      awaitAcknowledged(CLIENTS * POSTS_EACH / 4);
      postgres.stopFast();
      // The outage itself: the database stays down this long whatever else happens.
      Thread.sleep(OUTAGE.toMillis());
      postgres.startServer();
      for (Future<?> client : clients) {
        client.get(90, SECONDS);
      }
      awaitReady(api);
      watching.set(false);

      System.out.println("[fault suite] " + figures);
      assertThat(figures.unexpected()).as("%s", figures).isEmpty();
      // Requests in flight at the stop wait for a connection up to the pool's timeout, so some
      // of the 503s arrive just after the restart: count them all.
      assertThat(figures.count("503")).as("503s for the outage").isPositive();
      assertThat(readiness).as("readiness went 503 and back").contains(503);
      assertThat(deployment.server().isRunning()).isTrue();
      assertThat(deployment.server().httpUri())
          .as("the same server, not a new one")
          .isEqualTo(base);

      List<JsonNode> stored = FaultFigures.history(api, token("owner"), room);
      Map<String, String> storedIds = new java.util.TreeMap<>();
      for (JsonNode message : stored) {
        String previous =
            storedIds.put(message.path("clientMessageId").asText(), message.path("id").asText());
        assertThat(previous).as("stored once: %s", message).isNull();
      }
      assertThat(storedIds).as("every intended message").hasSize(CLIENTS * POSTS_EACH);
      assertThat(storedIds).as("every acknowledged post").containsAllEntriesOf(acknowledged);
      assertThat(storedIds).containsAllEntriesOf(replayed);
      Reply after =
          api.post(
              "/rooms/" + room + "/messages", token("writer-0"), Map.of("text", "after recovery"));
      assertThat(after.status()).as("%s", after).isEqualTo(201);
    } finally {
      watching.set(false);
      threads.shutdownNow();
      if (deployment != null) {
        deployment.stop();
      }
    }
  }

  /**
   * Posts each message until it is stored: 201, or 200 when a retry finds the attempt that got a
   * 503 had been stored after all. A 503 must be a problem with {@code Retry-After}; anything else
   * is unexpected and ends that message.
   */
  private void postAll(ChatHttpClient api, String room, String writer) {
    for (int n = 0; n < POSTS_EACH; n++) {
      String clientMessageId = writer + "-" + n;
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
        Reply reply;
        figures.sent();
        try {
          reply =
              api.post(
                  "/rooms/" + room + "/messages",
                  token(writer),
                  Map.of("text", "burst " + clientMessageId, "clientMessageId", clientMessageId));
        } catch (IOException e) {
          figures.outcome("no answer");
          figures.unexpected(clientMessageId + ": " + e);
          break;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        figures.outcome(Integer.toString(reply.status()));
        if (reply.status() == 201) {
          acknowledged.put(clientMessageId, reply.json().path("id").asText());
          break;
        }
        if (reply.status() == 200) {
          replayed.put(clientMessageId, reply.json().path("id").asText());
          break;
        }
        if (reply.status() != 503) {
          figures.unexpected(reply.toString());
          break;
        }
        if (reply.header("Retry-After") == null
            || !String.valueOf(reply.header("Content-Type"))
                .startsWith("application/problem+json")) {
          figures.unexpected("503 without Retry-After or problem+json: " + reply);
        }
        sleep(RETRY_PAUSE);
      }
      sleep(PACE);
    }
  }

  private void watchReadiness(ChatHttpClient api, AtomicBoolean watching) {
    while (watching.get()) {
      try {
        readiness.add(api.get("/health/ready", null).status());
      } catch (IOException e) {
        figures.unexpected("readiness: " + e);
      } catch (InterruptedException e) {
        return;
      }
      sleep(Duration.ofMillis(100));
    }
  }

  private void awaitAcknowledged(int count) {
    await(count + " acknowledged")
        .atMost(Duration.ofSeconds(30))
        .until(() -> acknowledged.size() >= count);
  }

  private static void awaitReady(ChatHttpClient api) throws Exception {
    await("ready again without a restart")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> api.get("/health/ready", null).status() == 200);
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String token(String user) {
    return TestTokens.valid(SECRET, user);
  }
}

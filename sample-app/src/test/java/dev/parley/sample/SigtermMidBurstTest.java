package dev.parley.sample;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * SIGTERM to the sample server on PostgreSQL (a JVM of its own, as ECS stops a task) while four
 * clients post and three uploads are half sent: their headers are in, their bodies come after the
 * signal. Every post answered 201 is stored, no post answered 503 is, and every upload whose
 * headers arrived before the drain began gets an answer (201, or 503 if the server refuses it).
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "SIGTERM is a POSIX signal")
class SigtermMidBurstTest {
  private static final String SECRET = "sigterm-mid-burst-test-secret-0123456789";
  private static final int CLIENTS = 4;
  private static final int SLOW_UPLOADS = 3;
  // The default per-user post limit applies in the child: spread the posts over enough users.
  private static final int USERS = 16;
  private static final int ACKED_BEFORE_SIGTERM = 60;

  /** Between two posts of one client: a burst that lasts across the signal, not a wait. */
  private static final Duration PACE = Duration.ofMillis(20);

  /** How long an upload's body trails the signal: the slow client is the scenario. */
  private static final Duration BODY_DELAY = Duration.ofMillis(500);

  private static final Pattern MESSAGE_ID = Pattern.compile("\"id\":\"([^\"]+)\"");

  private final FaultFigures figures = new FaultFigures("SIGTERM mid-burst");
  private final AtomicBoolean sigtermSent = new AtomicBoolean();
  private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
  private final Map<String, Integer> refused = new ConcurrentHashMap<>();
  private final Queue<String> uploads = new ConcurrentLinkedQueue<>();

  @Test
  void everyAcknowledgedPostIsStoredAndEveryHalfSentUploadIsAnswered() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(CLIENTS + SLOW_UPLOADS);
    try (PrivatePostgres postgres = PrivatePostgres.start();
        ServerProcess server =
            ServerProcess.start(
                Map.of(
                    "CHAT_JWT_SECRET",
                    SECRET,
                    "CHAT_POSTGRES_URL",
                    postgres.url(),
                    "CHAT_DRAIN_SECONDS",
                    "10"),
                "--store=postgres")) {
      ChatHttpClient api = new ChatHttpClient(server.http(), ChatHttpClient.newHttpClient());
      List<String> members = new ArrayList<>();
      IntStream.range(0, USERS).forEach(i -> members.add("w" + i));
      IntStream.range(0, SLOW_UPLOADS).forEach(i -> members.add("slow" + i));
      Reply created =
          api.post(
              "/rooms",
              token("owner"),
              Map.of("name", "sigterm", "type", "public", "invite", members));
      assertThat(created.status()).as("%s", created).isEqualTo(201);
      String room = created.json().path("id").asText();

      CountDownLatch headersSent = new CountDownLatch(SLOW_UPLOADS);
      CountDownLatch signalled = new CountDownLatch(1);
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < SLOW_UPLOADS; i++) {
        String user = "slow" + i;
        running.add(
            threads.submit(() -> slowUpload(server.http(), room, user, headersSent, signalled)));
      }
      AtomicInteger counter = new AtomicInteger();
      for (int c = 0; c < CLIENTS; c++) {
        running.add(threads.submit(() -> postUntilRefused(api, room, counter)));
      }
      await("posts acknowledged before SIGTERM")
          .atMost(Duration.ofSeconds(30))
          .until(() -> acknowledged.size() >= ACKED_BEFORE_SIGTERM);
      assertThat(headersSent.await(10, SECONDS)).as("uploads under way").isTrue();
      assertThat(acknowledged).as("%s", figures).hasSizeGreaterThanOrEqualTo(ACKED_BEFORE_SIGTERM);

      sigtermSent.set(true);
      server.sigterm();
      signalled.countDown();
      int exit = server.awaitExit(Duration.ofSeconds(30));
      for (Future<?> task : running) {
        task.get(30, SECONDS);
      }

      Map<String, String> stored = stored(postgres, room);
      System.out.println("[fault suite] " + figures + "; uploads " + uploads);
      assertThat(exit).as("ended by SIGTERM: 128 + 15; %s", server.output()).isEqualTo(143);
      assertThat(figures.unexpected()).as("%s", figures).isEmpty();
      assertThat(stored).as("every acknowledged post is stored").containsAllEntriesOf(acknowledged);
      // A drain that finishes every request in flight may refuse none (AssertJ refuses an empty
      // list to look for, so the check is on the intersection).
      assertThat(stored.keySet().stream().filter(refused::containsKey).toList())
          .as("no post refused with 503 is stored")
          .isEmpty();
      assertThat(uploads)
          .as("every upload under way at SIGTERM is answered 201 or 503")
          .hasSize(SLOW_UPLOADS)
          .allMatch(answer -> answer.startsWith("201") || answer.startsWith("503"));
    } finally {
      threads.shutdownNow();
    }
  }

  /**
   * Posts until the server stops answering after SIGTERM. Before the signal only 201 is expected;
   * after it, 201, a 503, or a connection refused or closed by the stopping server.
   */
  private void postUntilRefused(ChatHttpClient api, String room, AtomicInteger counter) {
    for (int attempt = 0; attempt < 10_000 && !Thread.currentThread().isInterrupted(); attempt++) {
      int n = counter.getAndIncrement();
      String clientMessageId = "burst-" + n;
      boolean afterSigterm = sigtermSent.get();
      figures.sent();
      try {
        Reply reply =
            api.post(
                "/rooms/" + room + "/messages",
                token("w" + n % USERS),
                Map.of("text", "burst " + n, "clientMessageId", clientMessageId));
        figures.outcome(Integer.toString(reply.status()));
        if (reply.status() == 201) {
          acknowledged.put(clientMessageId, reply.json().path("id").asText());
        } else if (reply.status() == 503 && sigtermSent.get()) {
          refused.put(clientMessageId, reply.status());
          return;
        } else {
          figures.unexpected(reply.toString());
          return;
        }
      } catch (IOException e) {
        figures.outcome(e instanceof ConnectException ? "refused" : "closed");
        if (!afterSigterm && !sigtermSent.get()) {
          figures.unexpected(clientMessageId + " before SIGTERM: " + e);
        }
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      try {
        Thread.sleep(PACE.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Sends the headers at once and the body only after SIGTERM, then reads the status line. */
  private void slowUpload(
      URI base, String room, String user, CountDownLatch headersSent, CountDownLatch signalled) {
    String clientMessageId = "upload-" + user;
    byte[] body =
        TestJson.write(Map.of("text", "slow " + user, "clientMessageId", clientMessageId))
            .getBytes(StandardCharsets.UTF_8);
    String headers =
        "POST /rooms/"
            + room
            + "/messages HTTP/1.1\r\nHost: 127.0.0.1:"
            + base.getPort()
            + "\r\nAuthorization: Bearer "
            + token(user)
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    figures.sent();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 10_000);
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(headers.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      headersSent.countDown();
      signalled.await(60, SECONDS);
      Thread.sleep(BODY_DELAY.toMillis());
      out.write(body);
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String status = in.readLine();
      if (status == null) {
        figures.outcome("closed");
        uploads.add("no answer");
        return;
      }
      String code = status.split(" ")[1];
      figures.outcome(code);
      StringBuilder rest = new StringBuilder();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        rest.append(line).append(' ');
      }
      uploads.add(code + " " + rest.toString().replaceAll("\\s+", " ").strip());
      if (code.equals("201")) {
        Matcher id = MESSAGE_ID.matcher(rest);
        acknowledged.put(clientMessageId, id.find() ? id.group(1) : "no id in " + rest);
      } else if (code.equals("503")) {
        refused.put(clientMessageId, 503);
      }
    } catch (IOException e) {
      figures.outcome("closed");
      uploads.add("no answer: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, String> stored(PrivatePostgres postgres, String room)
      throws Exception {
    Map<String, String> stored = new HashMap<>();
    try (Connection connection = postgres.connect();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT client_message_id, id FROM messages WHERE room_id = ?")) {
      query.setString(1, room);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          stored.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    return stored;
  }

  private static String token(String user) {
    return TestTokens.valid(SECRET, user);
  }
}

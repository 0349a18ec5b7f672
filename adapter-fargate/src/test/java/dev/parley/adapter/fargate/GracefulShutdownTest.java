package dev.parley.adapter.fargate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GracefulShutdownTest {
  private TestServer chat;

  @BeforeEach
  void start() throws Exception {
    chat = TestServer.start();
  }

  @AfterEach
  void stop() {
    chat.close();
  }

  @Test
  void stopClosesEverySocketWith1001AndIsIdempotent() throws Exception {
    WsClient alice = chat.connect("alice");
    WsClient bob = chat.connect("bob");

    long start = System.nanoTime();
    chat.server.stop();
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(alice.awaitClose().code()).isEqualTo(1001);
    assertThat(bob.awaitClose().code()).isEqualTo(1001);
    // Closing sockets is quick; only in-flight requests may use up the drain timeout.
    assertThat(took).isLessThan(TestServerModule.DRAIN);
    assertThat(chat.server.isRunning()).isFalse();
    assertThat(chat.component.delivery().sessionCount()).isZero();
    chat.server.stop();
    chat.server.join();
  }

  @Test
  void stopTurnsReadinessOffAndLetsAnInFlightPostFinish() throws Exception {
    String roomId = chat.createRoom("alice");
    HttpClient probe = TestServer.newHttpClient();
    HttpRequest ready = HttpRequest.newBuilder(chat.uri("/health/ready")).build();
    HttpClient latecomer = TestServer.newHttpClient();
    HttpRequest late = chat.request("/rooms", "alice").GET().build();
    // Their connections are open before the drain starts, as a load balancer's would be.
    assertThat(probe.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    assertThat(latecomer.send(late, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);

    CompletableFuture<Void> held = chat.component.clock().holdNextCall();
    CompletableFuture<HttpResponse<String>> post =
        chat.http.sendAsync(
            chat.request("/rooms/" + roomId + "/messages", "alice")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"last words\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    held.get(10, TimeUnit.SECONDS); // the post is inside its use case now
    CompletableFuture<Void> stopping = CompletableFuture.runAsync(chat.server::stop);

    HttpResponse<String> draining = awaitUnready(probe, ready);
    assertThat(draining.body()).isEqualTo("{\"status\":\"unavailable\"}");
    assertThat(awaitRefusal(latecomer, late)).isEqualTo("refused");
    assertThat(stopping).isNotDone();
    assertThat(post).isNotDone();

    chat.component.clock().release();
    HttpResponse<String> posted = post.get(10, TimeUnit.SECONDS);
    assertThat(posted.statusCode()).isEqualTo(201);
    assertThat(posted.body()).contains("last words");
    stopping.get(10, TimeUnit.SECONDS);
    assertThat(chat.component.clock().wasInterrupted()).isFalse();
    assertThat(chat.server.isRunning()).isFalse();
    probe.close();
    latecomer.close();
  }

  /**
   * New work is turned away while the drain waits for the old: with 503 (by the graceful handler)
   * or by closing the kept-alive connection (Jetty closes idle ones a second into the drain).
   * Requests served before the shutdown reached the handlers are retried.
   */
  private static String awaitRefusal(HttpClient client, HttpRequest request) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      HttpResponse<String> answer;
      try {
        answer = client.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        return "refused";
      }
      int status = answer.statusCode();
      if (status == 503) {
        // Refused in the API's own words, not with an HTML page.
        assertThat(answer.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(answer.body()).contains("https://parley.dev/problems/unavailable");
        return "refused";
      }
      assertThat(status).as("a request not yet refused is served").isEqualTo(200);
    }
    return "still served after 10 s";
  }

  /** Probes until readiness reports the drain (stop() runs on another thread). */
  private static HttpResponse<String> awaitUnready(HttpClient probe, HttpRequest ready)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      HttpResponse<String> answer = probe.send(ready, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() == 503 || System.nanoTime() > deadline) {
        assertThat(answer.statusCode()).isEqualTo(503);
        return answer;
      }
    }
  }
}

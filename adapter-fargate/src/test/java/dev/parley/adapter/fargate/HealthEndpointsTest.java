package dev.parley.adapter.fargate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthEndpointsTest {
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
  void liveAnswersUpWithoutAToken() throws Exception {
    HttpResponse<String> live = chat.get("/health/live", null);

    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.body()).isEqualTo("{\"status\":\"up\"}");
    assertThat(live.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
  }

  @Test
  void readyFollowsTheStore() throws Exception {
    assertThat(chat.get("/health/ready", null).statusCode()).isEqualTo(200);

    chat.component.storeHealth().setAvailable(false);
    HttpResponse<String> down = chat.get("/health/ready", null);
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.body()).isEqualTo("{\"status\":\"unavailable\"}");
    assertThat(down.headers().firstValue("Retry-After")).isPresent();
    // Liveness is about the process, not its dependencies: restarting would not help.
    assertThat(chat.get("/health/live", null).statusCode()).isEqualTo(200);

    chat.component.storeHealth().setAvailable(true);
    assertThat(chat.get("/health/ready", null).statusCode()).isEqualTo(200);
  }

  @Test
  void readyAlsoAsksTheExtraChecksAndCountsAThrowingOneAsNotReady() throws Exception {
    AtomicBoolean warm = new AtomicBoolean(false);
    chat.server.addReadinessCheck(warm::get);
    assertThat(chat.get("/health/ready", null).statusCode()).isEqualTo(503);

    warm.set(true);
    assertThat(chat.get("/health/ready", null).statusCode()).isEqualTo(200);

    chat.server.addReadinessCheck(
        () -> {
          throw new IllegalStateException("broken check");
        });
    assertThat(chat.get("/health/ready", null).statusCode()).isEqualTo(503);
  }

  @Test
  void headIsAnsweredAndOtherHealthPathsAndMethodsAreClientErrors() throws Exception {
    HttpResponse<String> head = chat.send(chat.request("/health/ready", null).HEAD().build());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();

    assertThat(chat.get("/health/other", null).statusCode()).isEqualTo(404);
    assertThat(chat.send("POST", "/health/live", null, "{}").statusCode()).isEqualTo(405);
  }

  @Test
  void unknownHealthPathsAndMethodsAreProblemsLikeTheApisOwn() throws Exception {
    HttpResponse<String> unknown = chat.get("/health/other", null);
    assertThat(unknown.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(TestServer.json(unknown).path("type").asText())
        .isEqualTo("https://parley.dev/problems/not-found");

    HttpResponse<String> post = chat.send("POST", "/health/live", null, "{}");
    assertThat(post.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    assertThat(TestServer.json(post).path("type").asText())
        .isEqualTo("https://parley.dev/problems/method-not-allowed");
  }

  @Test
  void dotSegmentsReachNeitherTheHealthChecksNorAnotherHandler() throws Exception {
    for (String path :
        List.of("/health/../rooms", "/health/./live", "/health/%2e%2e/rooms", "/rooms/../ws")) {
      RawHttp.Raw raw =
          RawHttp.exchange(
              chat.server.port(),
              "GET "
                  + path
                  + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                  + "Authorization: Bearer "
                  + TestServer.token("alice")
                  + "\r\n\r\n");

      assertThat(raw.status()).as(path).isEqualTo(400);
      assertThat(raw.problem().path("type").asText())
          .as(path)
          .isEqualTo("https://parley.dev/problems/malformed-request");
    }
  }
}

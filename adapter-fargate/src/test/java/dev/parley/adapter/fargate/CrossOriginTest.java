package dev.parley.adapter.fargate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.http.CorsPolicy;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Browsers on other origins, as they ask: a preflight first, then the call with its Origin. */
class CrossOriginTest {
  private static final String APP = "https://app.example.com";
  private static final String OTHER = "https://evil.example.com";

  private TestServer chat;

  @AfterEach
  void stop() {
    if (chat != null) {
      chat.server.stop();
    }
  }

  @Test
  void aPreflightFromAnAllowedOriginIsAnsweredWithWhatTheBrowserNeeds() throws Exception {
    chat = TestServer.start(CorsPolicy.allowing(APP));

    HttpResponse<String> preflight = chat.send(preflight("/rooms", APP, "POST"));

    assertThat(preflight.statusCode()).isBetween(200, 204);
    assertThat(header(preflight, "Access-Control-Allow-Origin")).isEqualTo(APP);
    assertThat(header(preflight, "Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(list(preflight, "Access-Control-Allow-Methods"))
        .containsExactlyInAnyOrder("get", "post", "put", "patch", "delete");
    assertThat(list(preflight, "Access-Control-Allow-Headers"))
        .contains("authorization", "content-type");
    assertThat(header(preflight, "Access-Control-Max-Age")).isEqualTo("600");
  }

  @Test
  void theCallAfterThePreflightCarriesTheOriginAndExposesTheApisHeaders() throws Exception {
    chat = TestServer.start(CorsPolicy.allowing(APP));

    HttpResponse<String> created =
        chat.send(
            chat.request("/rooms", "alice")
                .header("Origin", APP)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"type\":\"PUBLIC\"}"))
                .build());

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(header(created, "Access-Control-Allow-Origin")).isEqualTo(APP);
    assertThat(list(created, "Access-Control-Expose-Headers"))
        .contains("retry-after", "x-request-id", "x-ratelimit-remaining", "location");
  }

  @Test
  void aPreflightFromAnotherOriginGetsNoPermission() throws Exception {
    chat = TestServer.start(CorsPolicy.allowing(APP));

    HttpResponse<String> preflight = chat.send(preflight("/rooms", OTHER, "POST"));

    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
    HttpResponse<String> call =
        chat.send(chat.request("/rooms", "alice").header("Origin", OTHER).GET().build());
    assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void withoutAPolicyNoOriginGetsPermission() throws Exception {
    chat = TestServer.start();

    HttpResponse<String> preflight = chat.send(preflight("/rooms", APP, "POST"));

    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(preflight.statusCode()).isGreaterThanOrEqualTo(400);
    assertThat(preflight.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
  }

  @Test
  void aStarAnswersEveryOriginWithoutCredentials() throws Exception {
    chat = TestServer.start(CorsPolicy.allowing("*"));

    HttpResponse<String> preflight = chat.send(preflight("/rooms", OTHER, "GET"));

    assertThat(preflight.statusCode()).isBetween(200, 204);
    assertThat(header(preflight, "Access-Control-Allow-Origin")).isIn(OTHER, "*");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials"))
        .isNotEqualTo(java.util.Optional.of("true"));
  }

  @Test
  void aWebSocketFromAnotherPageStillConnectsSinceTokensAreNotCookies() throws Exception {
    chat = TestServer.start(CorsPolicy.allowing(APP));

    WsClient socket =
        chat.connect(
            builder ->
                builder
                    .header("Authorization", "Bearer " + TestServer.token("alice"))
                    .header("Origin", OTHER),
            "");

    assertThat(socket.next("hello").path("type").asText()).isEqualTo("hello");
    socket.socket().sendClose(1000, "done");
  }

  private HttpRequest preflight(String path, String origin, String method) {
    return HttpRequest.newBuilder(chat.uri(path))
        .timeout(TestServer.TIMEOUT)
        .header("Origin", origin)
        .header("Access-Control-Request-Method", method)
        .header("Access-Control-Request-Headers", "authorization,content-type")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .build();
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  private static List<String> list(HttpResponse<?> response, String name) {
    return response.headers().allValues(name).stream()
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(value -> value.strip().toLowerCase(Locale.ROOT))
        .toList();
  }
}

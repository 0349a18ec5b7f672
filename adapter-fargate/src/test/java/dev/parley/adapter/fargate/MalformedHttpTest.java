package dev.parley.adapter.fargate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests no HTTP client would send, written on a raw socket: Jetty refuses them before any
 * handler runs, and the refusal must still be a problem document with its own status.
 */
class MalformedHttpTest {
  private static TestServer chat;

  @BeforeAll
  static void start() throws Exception {
    chat = TestServer.start();
  }

  @AfterAll
  static void stop() {
    chat.close();
  }

  private static RawHttp.Raw exchange(String request) throws IOException {
    return RawHttp.exchange(chat.server.port(), request);
  }

  private static void assertProblem(RawHttp.Raw raw, int status, String type) {
    assertThat(raw.status()).as(raw.head()).isEqualTo(status);
    JsonNode problem = raw.problem();
    assertThat(problem.path("type").asText()).isEqualTo("https://parley.dev/problems/" + type);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(raw.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void anUnknownHttpVersionIs505ProblemWithoutAToken() throws Exception {
    RawHttp.Raw raw = exchange("GET /me/unread HTTP/9.9\r\nHost: localhost\r\n\r\n");

    assertProblem(raw, 505, "http-version-not-supported");
  }

  @Test
  void anHttp09RequestIsAClientErrorProblemNotAServerError() throws Exception {
    RawHttp.Raw raw = exchange("GET /me/unread\r\n\r\n");

    assertThat(raw.status()).as(raw.head()).isBetween(400, 505).isNotEqualTo(500);
    assertThat(raw.problem().path("status").asInt()).isEqualTo(raw.status());
  }

  @Test
  void hugeHeadersAre431Problem() throws Exception {
    String huge = "x".repeat(ChatServer.MAX_REQUEST_HEADER_BYTES + 1024);
    RawHttp.Raw raw =
        exchange("GET /me/unread HTTP/1.1\r\nHost: localhost\r\nX-Big: " + huge + "\r\n\r\n");

    assertProblem(raw, 431, "headers-too-large");
  }

  @Test
  void aHugeUriIs414Problem() throws Exception {
    String huge = "/rooms/" + "a".repeat(ChatServer.MAX_REQUEST_HEADER_BYTES + 1024);
    RawHttp.Raw raw = exchange("GET " + huge + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

    assertProblem(raw, 414, "uri-too-long");
  }

  @Test
  void anUnknownExpectationIs417Problem() throws Exception {
    RawHttp.Raw raw =
        exchange(
            "POST /rooms HTTP/1.1\r\nHost: localhost\r\nExpect: something-odd\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");

    assertProblem(raw, 417, "expectation-failed");
  }
}

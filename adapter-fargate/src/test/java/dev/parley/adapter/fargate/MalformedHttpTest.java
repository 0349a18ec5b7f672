package dev.parley.adapter.fargate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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

  /** The status line, headers and body of one raw exchange. */
  private record Raw(int status, String head, String body) {
    JsonNode problem() {
      assertThat(head.toLowerCase(java.util.Locale.ROOT))
          .as("content type of %s", head)
          .contains("content-type: application/problem+json");
      return Json.readTree(body.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static Raw exchange(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", chat.server.port())) {
      socket.setSoTimeout((int) TestServer.TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      byte[] answer = readUntilClosedOrComplete(socket.getInputStream());
      String text = new String(answer, StandardCharsets.UTF_8);
      int split = text.indexOf("\r\n\r\n");
      String head = split < 0 ? text : text.substring(0, split);
      String body = split < 0 ? "" : text.substring(split + 4);
      String[] statusLine = head.split("\r\n", 2)[0].split(" ");
      return new Raw(Integer.parseInt(statusLine[1]), head, body);
    }
  }

  /**
   * Reads the head, then as many body bytes as Content-Length says (or until the server closes).
   */
  private static byte[] readUntilClosedOrComplete(InputStream in) throws IOException {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      read.write(buffer, 0, n);
      String text = read.toString(StandardCharsets.ISO_8859_1);
      int split = text.indexOf("\r\n\r\n");
      if (split >= 0) {
        java.util.regex.Matcher length =
            java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)")
                .matcher(text.substring(0, split));
        if (length.find() && read.size() - split - 4 >= Integer.parseInt(length.group(1))) {
          break;
        }
      }
    }
    return read.toByteArray();
  }

  private static void assertProblem(Raw raw, int status, String type) {
    assertThat(raw.status()).as(raw.head()).isEqualTo(status);
    JsonNode problem = raw.problem();
    assertThat(problem.path("type").asText()).isEqualTo("https://parley.dev/problems/" + type);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(raw.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void anUnknownHttpVersionIs505ProblemWithoutAToken() throws Exception {
    Raw raw = exchange("GET /me/unread HTTP/9.9\r\nHost: localhost\r\n\r\n");

    assertProblem(raw, 505, "http-version-not-supported");
  }

  @Test
  void anHttp09RequestIsAClientErrorProblemNotAServerError() throws Exception {
    Raw raw = exchange("GET /me/unread\r\n\r\n");

    assertThat(raw.status()).as(raw.head()).isBetween(400, 505).isNotEqualTo(500);
    assertThat(raw.problem().path("status").asInt()).isEqualTo(raw.status());
  }

  @Test
  void hugeHeadersAre431Problem() throws Exception {
    String huge = "x".repeat(ChatServer.MAX_REQUEST_HEADER_BYTES + 1024);
    Raw raw = exchange("GET /me/unread HTTP/1.1\r\nHost: localhost\r\nX-Big: " + huge + "\r\n\r\n");

    assertProblem(raw, 431, "headers-too-large");
  }

  @Test
  void aHugeUriIs414Problem() throws Exception {
    String huge = "/rooms/" + "a".repeat(ChatServer.MAX_REQUEST_HEADER_BYTES + 1024);
    Raw raw = exchange("GET " + huge + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

    assertProblem(raw, 414, "uri-too-long");
  }

  @Test
  void anUnknownExpectationIs417Problem() throws Exception {
    Raw raw =
        exchange(
            "POST /rooms HTTP/1.1\r\nHost: localhost\r\nExpect: something-odd\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");

    assertProblem(raw, 417, "expectation-failed");
  }
}

package dev.parley.local.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the emulator answers by itself, over raw sockets: API Gateway's {@code {"message":"..."}} in
 * JSON, at once where API Gateway answers at once, and never Jetty's HTML, its {@code Server}
 * header or a Java class name.
 */
class GatewayAnswersTest {
  /** Short, so a stalled body is answered within the test; the default is ten seconds. */
  private static final Duration IDLE = Duration.ofSeconds(1);

  private static final Pattern CONTENT_LENGTH =
      Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

  private final List<APIGatewayV2HTTPEvent> invocations = new CopyOnWriteArrayList<>();
  private final AtomicBoolean failing = new AtomicBoolean();
  private ApiGatewayEmulator emulator;

  @BeforeEach
  void start() throws Exception {
    emulator = ApiGatewayEmulator.start("127.0.0.1", 0, IDLE);
    emulator.attach(
        new LambdaFunctions(
            (event, context) -> {
              invocations.add(event);
              if (failing.get()) {
                throw new IllegalStateException("the function broke");
              }
              return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("ok").build();
            },
            null,
            null));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void aLowercaseMethodMatchesNoRouteAndIs404() throws Exception {
    Answer answer = exchange("get /rooms HTTP/1.1\r\nHost: x\r\n\r\n");

    assertThat(answer.status()).isEqualTo(404);
    assertGatewayJson(answer, "Not Found");
    assertThat(invocations).isEmpty();
  }

  @Test
  void anUnknownMethodIs404() throws Exception {
    Answer answer = exchange("BREW /rooms HTTP/1.1\r\nHost: x\r\n\r\n");

    assertThat(answer.status()).isEqualTo(404);
    assertGatewayJson(answer, "Not Found");
    assertThat(invocations).isEmpty();
  }

  @Test
  void theFunctionsAnswerCarriesNoServerHeader() throws Exception {
    Answer answer = exchange("GET /rooms HTTP/1.1\r\nHost: x\r\n\r\n");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("ok");
    assertThat(answer.header("server")).isNull();
  }

  @Test
  void aDeclaredBodyOverTheLimitIs413AtOnce() throws Exception {
    long start = System.nanoTime();

    Answer answer =
        exchange(
            "POST /files HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: "
                + 50L * 1024 * 1024
                + "\r\n\r\nab");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(IDLE);
    assertThat(answer.status()).isEqualTo(413);
    assertGatewayJson(answer, "Request Entity Too Large");
    assertThat(invocations).isEmpty();
  }

  @Test
  void aBodyThatStopsArrivingIsAnsweredAfterTheIdleTimeout() throws Exception {
    Answer answer = exchange("POST /rooms HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"te");

    assertThat(answer.status()).isEqualTo(408);
    assertGatewayJson(answer, "Request Timeout");
    assertThat(invocations).isEmpty();
  }

  @Test
  void aMalformedRequestIsAnsweredInJsonNotHtml() throws Exception {
    Answer answer = exchange("GET /rooms HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n");

    assertThat(answer.status()).isEqualTo(400);
    assertGatewayJson(answer, "Bad Request");
  }

  @Test
  void anUnknownHttpVersionIsABadRequestAsTheGatewayAnswersIt() throws Exception {
    Answer answer = exchange("GET /rooms HTTP/1.x\r\nHost: x\r\n\r\n");

    assertThat(answer.status()).isEqualTo(400);
    assertGatewayJson(answer, "Bad Request");
    assertThat(invocations).isEmpty();
  }

  @Test
  void headersTooLargeAreAnsweredInJsonNotHtml() throws Exception {
    Answer answer =
        exchange("GET /rooms HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");

    assertThat(answer.status()).isEqualTo(431);
    assertGatewayJson(answer, "Request Header Fields Too Large");
  }

  @Test
  void aFunctionThatFailsIs500InApiGatewaysWords() throws Exception {
    failing.set(true);

    Answer answer = exchange("GET /rooms HTTP/1.1\r\nHost: x\r\n\r\n");

    assertThat(answer.status()).isEqualTo(500);
    assertGatewayJson(answer, "Internal Server Error");
  }

  private static void assertGatewayJson(Answer answer, String message) {
    assertThat(answer.header("content-type")).isEqualTo("application/json");
    assertThat(answer.body()).isEqualTo("{\"message\":\"" + message + "\"}");
    assertThat(answer.header("server")).isNull();
  }

  private record Answer(int status, String head, String body) {
    /** The first value of a header, by lower-case name; null when absent. */
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).toLowerCase(Locale.ROOT).equals(name)) {
          return line.substring(colon + 1).strip();
        }
      }
      return null;
    }
  }

  /** Sends the bytes as they are, then reads one response: head, and a body of its length. */
  private Answer exchange(String raw) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        int next = in.read();
        if (next < 0) {
          throw new IOException("closed without a response: " + head);
        }
        head.write(next);
      }
      String headers = head.toString(StandardCharsets.ISO_8859_1);
      Matcher length = CONTENT_LENGTH.matcher(headers);
      byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
      int status = Integer.parseInt(headers.substring(9, 12));
      return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }
  }
}

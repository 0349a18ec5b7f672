package dev.parley.adapter.fargate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.port.in.GetMessageQuery;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A request whose body is still arriving when SIGTERM comes is answered, not cut off. */
class DrainingUploadTest {
  /** Longer than the 1 s Jetty gives a connection that goes quiet during a shutdown. */
  private static final long PAUSE_MILLIS = 2_000;

  private static final Pattern CONTENT_LENGTH =
      Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

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
  void aPostWhoseBodyIsStillArrivingWhenTheDrainStartsIsStored() throws Exception {
    String roomId = chat.createRoom("alice");
    byte[] body = "{\"text\":\"sent across the drain\"}".getBytes(StandardCharsets.UTF_8);
    int half = body.length / 2;
    try (Socket socket = new Socket("127.0.0.1", chat.server.port())) {
      socket.setSoTimeout((int) TestServer.TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(headers(roomId, body.length));
      out.write(body, 0, half);
      out.flush();
      awaitRequestInHandlers();

      CompletableFuture<Void> stopping = CompletableFuture.runAsync(chat.server::stop);
      awaitDrain();
      Thread.sleep(PAUSE_MILLIS);
      assertThat(stopping).isNotDone();
      out.write(body, half, body.length - half);
      out.flush();

      String response = readResponse(socket.getInputStream());
      assertThat(response).startsWith("HTTP/1.1 201");
      JsonNode posted = Json.readTree(bodyOf(response).getBytes(StandardCharsets.UTF_8));
      assertThat(posted.get("text").asText()).isEqualTo("sent across the drain");
      stopping.get(TestServer.TIMEOUT.toSeconds(), TimeUnit.SECONDS);

      String stored =
          chat.component
              .getMessage()
              .getMessage(
                  new GetMessageQuery(UserId.of("alice"), roomId, posted.get("id").asText()))
              .message()
              .body();
      assertThat(stored).isEqualTo("sent across the drain");
    }
  }

  private static byte[] headers(String roomId, int contentLength) {
    return ("POST /rooms/"
            + roomId
            + "/messages HTTP/1.1\r\n"
            + "Host: 127.0.0.1\r\n"
            + "Authorization: Bearer "
            + TestServer.token("alice")
            + "\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: "
            + contentLength
            + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** The drain must begin after the headers reached the handlers, as they had in production. */
  private void awaitRequestInHandlers() {
    await("the request reached the handlers")
        .atMost(TestServer.TIMEOUT)
        .until(() -> chat.server.connectionsInUse() > 0);
  }

  private void awaitDrain() {
    await("the drain began").atMost(TestServer.TIMEOUT).until(() -> !chat.server.isRunning());
  }

  /** Status line, headers and a body of the declared length. */
  private static String readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int next = in.read();
      if (next < 0) {
        throw new IOException("connection closed after: " + head);
      }
      head.write(next);
    }
    String headers = head.toString(StandardCharsets.ISO_8859_1);
    Matcher length = CONTENT_LENGTH.matcher(headers);
    byte[] content = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
    return headers + new String(content, StandardCharsets.UTF_8);
  }

  private static String bodyOf(String response) {
    return response.substring(response.indexOf("\r\n\r\n") + 4);
  }
}

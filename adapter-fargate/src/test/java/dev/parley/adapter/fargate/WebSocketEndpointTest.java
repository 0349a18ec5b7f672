package dev.parley.adapter.fargate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.auth.DevTokens;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebSocketEndpointTest {
  private static final int LIMIT = 128 * 1024;

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
  void authenticatesFromTheAuthorizationHeaderAndSaysHello() throws Exception {
    WsClient client = new WsClient();
    chat.connectAsync(
            b -> b.header("Authorization", "Bearer " + TestServer.token("alice")), "", client)
        .get(10, java.util.concurrent.TimeUnit.SECONDS);

    JsonNode hello = client.next("hello");
    assertThat(hello.get("userId").asText()).isEqualTo("alice");
    assertThat(hello.get("connectionId").asText()).startsWith("c-");
    assertThat(chat.server.isRunning()).isTrue();
    assertThat(chat.component.delivery().sessionCount()).isEqualTo(1);
  }

  @Test
  void authenticatesFromTheSubprotocolAndEchoesTheOtherOne() throws Exception {
    WsClient client =
        chat.connect(
            b -> b.subprotocols("parley.v1", "parley.token." + TestServer.token("bob")), "");

    assertThat(client.socket().getSubprotocol()).isEqualTo("parley.v1");
    assertThat(client.next("hello").get("userId").asText()).isEqualTo("bob");

    // Offered alone, the token subprotocol is the only one a browser would accept back.
    String alone = "parley.token." + TestServer.token("bob");
    WsClient browser = chat.connect(b -> b.subprotocols(alone), "");
    assertThat(browser.socket().getSubprotocol()).isEqualTo(alone);
    assertThat(browser.next("hello").get("userId").asText()).isEqualTo("bob");
  }

  @Test
  void authenticatesFromTheQueryParameter() throws Exception {
    WsClient client = chat.connect(b -> b, "?token=" + TestServer.token("carol"));

    assertThat(client.next("hello").get("userId").asText()).isEqualTo("carol");
  }

  @Test
  void refusesTheUpgradeWithoutAValidToken() throws Exception {
    Throwable missing = TestServer.failureOf(chat.connectAsync(b -> b, "", new WsClient()));
    assertThat(missing).isInstanceOf(WebSocketHandshakeException.class);
    assertThat(((WebSocketHandshakeException) missing).getResponse().statusCode()).isEqualTo(401);

    CompletableFuture<?> forged =
        chat.connectAsync(
            b -> b.header("Authorization", "Bearer " + TestServer.token("alice") + "x"),
            "",
            new WsClient());
    Throwable refused = TestServer.failureOf(forged);
    assertThat(refused).isInstanceOf(WebSocketHandshakeException.class);
    assertThat(((WebSocketHandshakeException) refused).getResponse().statusCode()).isEqualTo(401);
    assertThat(chat.component.delivery().sessionCount()).isZero();
  }

  @Test
  void acceptsAFrameOf128KilobytesAndClosesABiggerOneWith1009() throws Exception {
    WsClient client = chat.connect("alice");
    String prefix = "{\"action\":\"ping\",\"requestId\":\"";
    String suffix = "\"}";

    client.send(prefix + "x".repeat(LIMIT - prefix.length() - suffix.length()) + suffix);
    // An error frame (the request id is too long) proves the frame was read, not refused.
    assertThat(client.next("error").at("/problem/type").asText()).endsWith("invalid-input");

    client.send(prefix + "x".repeat(LIMIT + 1 - prefix.length() - suffix.length()) + suffix);
    assertThat(client.awaitClose().code()).isEqualTo(1009);
  }

  /**
   * A text frame never reaches the protocol's JSON reader as bytes: Jetty decodes it strictly and
   * closes the connection with 1007 (RFC 6455) on invalid UTF-8, such as the overlong '/' that a
   * lenient decoder would read. The JDK client only sends valid text, so the frame is written raw.
   */
  @Test
  void aTextFrameOfInvalidUtf8IsClosedWith1007() throws Exception {
    URI ws = chat.server.webSocketUri();
    try (Socket socket = new Socket(ws.getHost(), ws.getPort())) {
      socket.setSoTimeout((int) TestServer.TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      out.write(
          ("GET "
                  + ws.getRawPath()
                  + " HTTP/1.1\r\nHost: "
                  + ws.getHost()
                  + ":"
                  + ws.getPort()
                  + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                  + "Authorization: Bearer "
                  + TestServer.token("alice")
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      assertThat(readHead(in)).startsWith("HTTP/1.1 101");

      ByteArrayOutputStream payload = new ByteArrayOutputStream();
      payload.writeBytes("{\"action\":\"ping\",\"requestId\":\"".getBytes(StandardCharsets.UTF_8));
      payload.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xAF});
      payload.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
      byte[] body = payload.toByteArray();
      out.write(new byte[] {(byte) 0x81, (byte) (0x80 | body.length), 0, 0, 0, 0});
      out.write(body); // masked with a zero key, so sent as is
      out.flush();

      assertThat(closeCode(in)).isEqualTo(1007);
    }
  }

  private static String readHead(DataInputStream in) throws Exception {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      head.append((char) in.readUnsignedByte());
    }
    return head.toString();
  }

  /** Skips the server's frames (the hello) up to its close frame and returns the close code. */
  private static int closeCode(DataInputStream in) throws Exception {
    while (true) {
      int opcode = in.readUnsignedByte() & 0x0F;
      long length = in.readUnsignedByte() & 0x7F;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = in.readLong();
      }
      byte[] data = in.readNBytes((int) length);
      if (opcode == 0x8) {
        return ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
      }
    }
  }

  @Test
  void anUnknownActionGetsAnErrorFrameAndTheSocketStaysOpen() throws Exception {
    WsClient client = chat.connect("alice");

    client.send("{\"action\":\"dance\",\"requestId\":\"r1\"}");
    JsonNode error = client.next("error");
    assertThat(error.get("requestId").asText()).isEqualTo("r1");
    assertThat(error.at("/problem/status").asInt()).isEqualTo(400);

    client.send("{\"action\":\"ping\",\"requestId\":\"r2\"}");
    assertThat(client.next("pong").get("requestId").asText()).isEqualTo("r2");
    assertThat(client.isClosed()).isFalse();
  }

  @Test
  void aBinaryFrameGetsAnErrorFrameAndTheSocketStaysOpen() throws Exception {
    WsClient client = chat.connect("alice");

    byte[] ping = "{\"action\":\"ping\",\"requestId\":\"b1\"}".getBytes(StandardCharsets.UTF_8);
    client.socket().sendBinary(ByteBuffer.wrap(ping), true).get(10, TimeUnit.SECONDS);
    JsonNode error = client.next("error");
    assertThat(error.at("/problem/type").asText())
        .isEqualTo("https://parley.dev/problems/malformed-request");
    assertThat(error.at("/problem/status").asInt()).isEqualTo(400);

    client.send("{\"action\":\"ping\",\"requestId\":\"t1\"}");
    assertThat(client.next("pong").get("requestId").asText()).isEqualTo("t1");
    assertThat(client.isClosed()).isFalse();
  }

  @Test
  void aConnectionIsClosedWith1008WhenItsTokenExpires() throws Exception {
    String shortLived =
        DevTokens.issue(
            TestServerModule.SECRET,
            UserId.of("alice"),
            Duration.ofSeconds(2),
            TestServerModule.ISSUER,
            null);
    WsClient client = chat.connect(b -> b.header("Authorization", "Bearer " + shortLived), "");
    client.next("hello");
    client.send("{\"action\":\"ping\",\"requestId\":\"p1\"}");
    assertThat(client.next("pong").get("requestId").asText()).isEqualTo("p1");

    WsClient.Closed closed = client.awaitClose();

    assertThat(closed.code()).isEqualTo(1008);
    assertThat(closed.reason()).isEqualTo("token expired");
    // The server forgets the session when the client's answering close frame arrives.
    await("the server forgot the session")
        .atMost(Duration.ofSeconds(5))
        .until(() -> chat.component.delivery().sessionCount() == 0);
  }

  @Test
  void aConnectionWhoseTokenIsValidStaysOpen() throws Exception {
    WsClient client = chat.connect("alice");

    // Not a wait for a condition: the scenario is that nothing happens for longer than the
    // expiring test's 2 s token lives, so the time itself is what is tested.
    Thread.sleep(3_000);

    client.send("{\"action\":\"ping\",\"requestId\":\"p2\"}");
    assertThat(client.next("pong").get("requestId").asText()).isEqualTo("p2");
    assertThat(client.isClosed()).isFalse();
  }
}

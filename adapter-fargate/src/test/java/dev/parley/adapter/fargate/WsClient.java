package dev.parley.adapter.fargate;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.json.Json;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A java.net.http WebSocket client that queues the text frames it receives and its close. Public,
 * and published in this module's test-jar, because adapter-postgres's two-node test drives the same
 * server with it.
 */
public final class WsClient implements WebSocket.Listener {
  public static final long TIMEOUT_SECONDS = 10;

  /** How the server closed the connection. */
  public record Closed(int code, String reason) {}

  private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Closed> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private volatile WebSocket socket;

  @Override
  public void onOpen(WebSocket webSocket) {
    socket = webSocket;
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      frames.add(partial.toString());
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(new Closed(statusCode, reason));
    return null; // the client answers with the same close code
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  public WebSocket socket() {
    return socket;
  }

  /** The next text frame, parsed; fails the test after 10 s without one. */
  public JsonNode next() throws Exception {
    String frame = frames.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (frame == null) {
      fail("no frame within " + TIMEOUT_SECONDS + " s; closed: " + closed);
    }
    return Json.readTree(frame.getBytes(StandardCharsets.UTF_8));
  }

  /** The next frame, which must be of {@code type}. */
  public JsonNode next(String type) throws Exception {
    JsonNode frame = next();
    if (!type.equals(frame.path("type").asText())) {
      fail("expected a " + type + " frame, got " + frame);
    }
    return frame;
  }

  /**
   * The next event frame named {@code name}, skipping other frames (presence, typing) on the way.
   */
  public JsonNode nextEvent(String name) throws Exception {
    for (int skipped = 0; skipped < 20; skipped++) {
      JsonNode frame = next();
      if ("event".equals(frame.path("type").asText())
          && name.equals(frame.path("event").asText())) {
        return frame;
      }
    }
    return fail("no " + name + " event among the next 20 frames");
  }

  public void send(String text) throws Exception {
    socket.sendText(text, true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /** Waits for the server to close the connection. */
  public Closed awaitClose() throws Exception {
    return closed.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  public boolean isClosed() {
    return closed.isDone();
  }

  /** Frames received and not yet taken. */
  public int pending() {
    return frames.size();
  }
}

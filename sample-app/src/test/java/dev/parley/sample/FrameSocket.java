package dev.parley.sample;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client that keeps the server's frames as raw text, since a hostile frame may well be
 * answered with something that is not JSON.
 */
final class FrameSocket implements WebSocket.Listener {
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final LinkedBlockingQueue<String> incoming = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket webSocket;

  static FrameSocket connect(URI uri, String token) throws Exception {
    FrameSocket socket = new FrameSocket();
    socket.webSocket =
        ChatHttpClient.shared()
            .newWebSocketBuilder()
            .header("Authorization", "Bearer " + token)
            .connectTimeout(TIMEOUT)
            .buildAsync(uri, socket)
            .get(TIMEOUT.toMillis(), MILLISECONDS);
    return socket;
  }

  void send(HostileFrames.Frame frame) throws Exception {
    CompletableFuture<WebSocket> sent =
        frame.binary()
            ? webSocket.sendBinary(ByteBuffer.wrap(frame.bytes()), true)
            : webSocket.sendText(frame.text(), true);
    sent.get(TIMEOUT.toMillis(), MILLISECONDS);
  }

  void sendText(String text) throws Exception {
    webSocket.sendText(text, true).get(TIMEOUT.toMillis(), MILLISECONDS);
  }

  /** The next text frame, or null after {@code timeout}. */
  String poll(Duration timeout) throws InterruptedException {
    return incoming.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  CompletableFuture<Integer> closed() {
    return closed;
  }

  void abort() {
    webSocket.abort();
  }

  @Override
  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      incoming.add(partial.toString());
      partial.setLength(0);
    }
    ws.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
    incoming.add("(binary frame of " + data.remaining() + " bytes)");
    ws.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket ws, Throwable error) {
    closed.completeExceptionally(error);
  }
}

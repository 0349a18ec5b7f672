package dev.parley.sample;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A chat client over java.net.http's WebSocket: collects every frame the server sends, sends
 * requests with a request id and waits for their answer, and tells how the server closed the
 * connection. Every wait is bounded by {@link #TIMEOUT}.
 */
final class ChatSocket implements WebSocket.Listener {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final LinkedBlockingQueue<JsonNode> incoming = new LinkedBlockingQueue<>();
  private final List<JsonNode> seen = new CopyOnWriteArrayList<>();
  private final List<JsonNode> unmatched = new ArrayList<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private final AtomicInteger requests = new AtomicInteger();
  private final String name;
  private WebSocket webSocket;
  private JsonNode hello;

  private ChatSocket(String name) {
    this.name = name;
  }

  /** Connects with {@code Authorization: Bearer <token>} and waits for the hello frame. */
  static ChatSocket connect(URI uri, String token) throws Exception {
    return connect(uri, token, true);
  }

  /**
   * Connects with {@code Authorization: Bearer <token>}; waits for the hello frame when {@code
   * awaitHello} (a runtime that sends none, such as Lambda, passes false).
   */
  static ChatSocket connect(URI uri, String token, boolean awaitHello) throws Exception {
    return connect(
        ChatHttpClient.shared().newWebSocketBuilder().header("Authorization", "Bearer " + token),
        uri,
        awaitHello);
  }

  /** Connects with a prepared builder and waits for the hello frame. */
  static ChatSocket connect(WebSocket.Builder builder, URI uri) throws Exception {
    return connect(builder, uri, true);
  }

  /** Connects with a prepared builder; waits for the hello frame when {@code awaitHello}. */
  static ChatSocket connect(WebSocket.Builder builder, URI uri, boolean awaitHello)
      throws Exception {
    ChatSocket socket = new ChatSocket(uri.getPath());
    socket.webSocket =
        builder
            .connectTimeout(TIMEOUT)
            .buildAsync(uri, socket)
            .get(TIMEOUT.toMillis(), MILLISECONDS);
    if (awaitHello) {
      socket.hello = socket.await(f -> f.path("type").asText().equals("hello"), "the hello frame");
    }
    return socket;
  }

  static HttpClient client() {
    return ChatHttpClient.shared();
  }

  /** The hello frame; fails when the socket was connected without waiting for one. */
  JsonNode hello() {
    if (hello == null) {
      throw new AssertionError(name + ": connected without a hello frame");
    }
    return hello;
  }

  WebSocket webSocket() {
    return webSocket;
  }

  /** Sends the frame with a fresh {@code requestId} and returns the ack, pong or error for it. */
  JsonNode request(Map<String, ?> frame) throws Exception {
    String requestId = "req-" + requests.incrementAndGet();
    Map<String, Object> withId = new LinkedHashMap<>(frame);
    withId.put("requestId", requestId);
    sendText(TestJson.write(withId));
    return await(
        f -> requestId.equals(f.path("requestId").asText(null)), "the answer to " + withId);
  }

  /** Subscribes to one room, resuming after {@code afterSeq} unless it is null. */
  JsonNode subscribe(String roomId, Long afterSeq) throws Exception {
    Map<String, Object> room = new LinkedHashMap<>();
    room.put("roomId", roomId);
    if (afterSeq != null) {
      room.put("afterSeq", afterSeq);
    }
    return request(Map.of("action", "subscribe", "rooms", List.of(room)));
  }

  void sendText(String frame) throws Exception {
    synchronized (this) {
      webSocket.sendText(frame, true).get(TIMEOUT.toMillis(), MILLISECONDS);
    }
  }

  /** The next {@code event} frame with this name that {@code filter} accepts. */
  JsonNode awaitEvent(String event, Predicate<JsonNode> filter, String description)
      throws InterruptedException {
    return await(
        f ->
            f.path("type").asText().equals("event")
                && f.path("event").asText().equals(event)
                && filter.test(f),
        description);
  }

  /**
   * The first frame not returned before that matches; frames that do not match stay available to
   * later waits.
   */
  JsonNode await(Predicate<JsonNode> matches, String description) throws InterruptedException {
    for (Iterator<JsonNode> it = unmatched.iterator(); it.hasNext(); ) {
      JsonNode frame = it.next();
      if (matches.test(frame)) {
        it.remove();
        return frame;
      }
    }
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            name + ": no " + description + " within " + TIMEOUT.toSeconds() + " s; got " + seen);
      }
      JsonNode frame = incoming.poll(left, java.util.concurrent.TimeUnit.NANOSECONDS);
      if (frame == null) {
        continue;
      }
      if (matches.test(frame)) {
        return frame;
      }
      unmatched.add(frame);
    }
  }

  /** The close code the server sent; fails if the connection was not closed in time. */
  int awaitClose() throws InterruptedException {
    try {
      return closed.get(TIMEOUT.toMillis(), MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError(name + ": not closed within " + TIMEOUT.toSeconds() + " s", e);
    } catch (ExecutionException e) {
      throw new AssertionError(name + ": failed instead of closing", e.getCause());
    }
  }

  CompletableFuture<Integer> closeCode() {
    return closed;
  }

  /** A normal close by the client; returns once the server has answered it. */
  void close() throws Exception {
    synchronized (this) {
      webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(TIMEOUT.toMillis(), MILLISECONDS);
    }
    awaitClose();
  }

  /** Drops the connection without a close handshake (clean-up after a test). */
  void abort() {
    if (webSocket != null) {
      webSocket.abort();
    }
  }

  List<JsonNode> seen() {
    return seen;
  }

  @Override
  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      JsonNode frame = TestJson.parse(partial.toString());
      partial.setLength(0);
      seen.add(frame);
      incoming.add(frame);
    }
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

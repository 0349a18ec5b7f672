package dev.parley.local.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection; registered (postable) once {@code $connect} has returned. Public only
 * because Jetty binds the listener methods through method handles.
 */
public final class LocalConnection implements Session.Listener.AutoDemanding {
  private static final Logger LOG = LoggerFactory.getLogger(LocalConnection.class);
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

  private final String id;
  private final Map<String, Object> authorizer;
  private final LocalConnections connections;
  private final Supplier<LambdaFunctions> functions;
  private final WebSocketEvents events;
  private final long connectedAt = System.currentTimeMillis();
  private final AtomicBoolean vanished = new AtomicBoolean();
  private final AtomicBoolean disconnected = new AtomicBoolean();

  /** Completes once {@code $disconnect} has returned, or was skipped (a vanished connection). */
  private final CompletableFuture<Void> finished = new CompletableFuture<>();

  private volatile Session session;

  LocalConnection(
      String id,
      Map<String, Object> authorizer,
      LocalConnections connections,
      Supplier<LambdaFunctions> functions,
      WebSocketEvents events) {
    this.id = id;
    this.authorizer = authorizer;
    this.connections = connections;
    this.functions = functions;
    this.events = events;
  }

  String id() {
    return id;
  }

  long connectedAt() {
    return connectedAt;
  }

  CompletableFuture<Void> finished() {
    return finished;
  }

  @Override
  public void onWebSocketOpen(Session session) {
    this.session = session;
    connections.opened(this);
  }

  @Override
  public void onWebSocketText(String text) {
    invoke(events.message(id, authorizer, connectedAt, text), "a frame");
  }

  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    byte[] bytes = new byte[payload.remaining()];
    payload.get(bytes);
    callback.succeed();
    invoke(events.binaryMessage(id, authorizer, connectedAt, bytes), "a binary frame");
  }

  /** Hands a frame's event to the WebSocket function, as API Gateway's integration does. */
  private void invoke(APIGatewayV2WebSocketEvent event, String what) {
    APIGatewayV2WebSocketResponse response = functions.get().webSocket().handleRequest(event, null);
    if (response == null || response.getStatusCode() / 100 != 2) {
      LOG.warn(
          "the WebSocket function answered {} to {} on {}",
          response == null ? null : response.getStatusCode(),
          what,
          id);
    }
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    LOG.debug("connection {} failed: {}", id, cause.toString());
    disconnect(StatusCode.ABNORMAL, cause.toString());
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason, Callback callback) {
    try {
      disconnect(statusCode, reason);
    } finally {
      callback.succeed();
    }
  }

  /** Sends a frame and waits until it is written; false when the connection broke. */
  boolean send(String frame) {
    CompletableFuture<Void> sent = new CompletableFuture<>();
    session.sendText(frame, Callback.from(() -> sent.complete(null), sent::completeExceptionally));
    try {
      sent.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException | TimeoutException e) {
      LOG.debug("a frame to {} was not sent: {}", id, e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Starts the close handshake; {@code $disconnect} follows when it completes. */
  void close(int statusCode, String reason) {
    Session current = session;
    if (current != null) {
      current.close(statusCode, reason, Callback.NOOP);
    }
  }

  /**
   * Drops the TCP connection without {@code $disconnect}; the caller has already taken it out of
   * the open connections.
   */
  void vanish() {
    vanished.set(true);
    // No $disconnect will run for it, so there is nothing for a stop to wait for.
    finish();
    session.disconnect();
  }

  /** {@code $disconnect}, once, unless the connection vanished. */
  private void disconnect(int statusCode, String reason) {
    connections.closed(this);
    if (vanished.get()) {
      finish();
      return;
    }
    if (!disconnected.compareAndSet(false, true)) {
      return;
    }
    try {
      functions
          .get()
          .webSocket()
          .handleRequest(events.disconnect(id, authorizer, connectedAt, statusCode, reason), null);
    } finally {
      finish();
    }
  }

  private void finish() {
    connections.finished(this);
    finished.complete(null);
  }
}

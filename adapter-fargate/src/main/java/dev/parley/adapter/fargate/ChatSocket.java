package dev.parley.adapter.fargate;

import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.ws.Handshake;
import dev.parley.protocol.ws.WebSocketApi;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One client's WebSocket: sends the hello frame on open, answers each frame (text or binary)
 * through {@link WebSocketApi}, and forgets the connection when it closes, however it closes.
 *
 * <p>Auto-demanding: Jetty hands over the next frame only when the previous call returned, so the
 * frames of one connection are handled one at a time, in order (on virtual threads, so a slow store
 * blocks nobody else).
 *
 * <p>Public only because Jetty binds the listener methods through method handles, which requires a
 * public class; it is created by the server alone.
 */
public final class ChatSocket implements Session.Listener.AutoDemanding {
  private static final Logger LOG = LoggerFactory.getLogger(ChatSocket.class);

  private final ConnectionId connection;
  private final UserId user;
  private final WebSocketApi api;
  private final JettyWebSocketDeliveryAdapter delivery;
  private final Instant expiresAt;
  private final Scheduler scheduler;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final AtomicBoolean forgotten = new AtomicBoolean();
  private volatile Session session;
  private volatile Scheduler.Task expiry;

  /**
   * @param expiresAt when the token runs out and the connection is closed, or null for never
   */
  ChatSocket(
      ConnectionId connection,
      UserId user,
      Instant expiresAt,
      WebSocketApi api,
      JettyWebSocketDeliveryAdapter delivery,
      Scheduler scheduler) {
    this.connection = connection;
    this.user = user;
    this.expiresAt = expiresAt;
    this.api = api;
    this.delivery = delivery;
    this.scheduler = scheduler;
  }

  @Override
  public void onWebSocketOpen(Session session) {
    this.session = session;
    enterMdc();
    try {
      // Registered before the hello goes out, so the client can rely on events once it has it.
      delivery.register(connection, session, closed);
      switch (api.open(connection, user)) {
        case WebSocketApi.Opened opened -> {
          LOG.debug("connection {} open", connection);
          send(opened.hello());
          closeAtExpiry();
        }
        case WebSocketApi.Refused refused -> close(session, refused);
      }
    } finally {
      leaveMdc();
    }
  }

  /** Closes a connection the protocol refused to open, with the WebSocket code of its problem. */
  private void close(Session session, WebSocketApi.Refused refused) {
    switch (refused.problem().type()) {
      case STORE_UNAVAILABLE -> {
        LOG.warn("could not open connection {}: the store is unavailable", connection);
        session.close(StatusCode.TRY_AGAIN_LATER, "store unavailable", Callback.NOOP);
      }
      case INTERNAL -> {
        LOG.error("could not open connection {}", connection, refused.fault());
        session.close(StatusCode.SERVER_ERROR, "internal error", Callback.NOOP);
      }
      default -> {
        LOG.info("connection {} refused: {}", connection, refused.problem().detail());
        session.close(StatusCode.POLICY_VIOLATION, "refused", Callback.NOOP);
      }
    }
  }

  /**
   * Without this, a socket would keep the identity of a token that no longer speaks for anyone: no
   * REST request would be accepted with it, and no frame should be either.
   */
  private void closeAtExpiry() {
    if (expiresAt == null) {
      return;
    }
    long delay = Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis());
    expiry = scheduler.schedule(this::closeExpired, delay, TimeUnit.MILLISECONDS);
    if (forgotten.get()) {
      expiry.cancel(); // closed while the task was being scheduled
    }
  }

  private boolean expired() {
    return expiresAt != null && !Instant.now().isBefore(expiresAt);
  }

  private void closeExpired() {
    Session current = session;
    if (current != null && current.isOpen()) {
      LOG.info("connection {} closed: its token expired", connection);
      current.close(Handshake.TOKEN_EXPIRED_CODE, Handshake.TOKEN_EXPIRED_REASON, Callback.NOOP);
    }
  }

  @Override
  public void onWebSocketText(String text) {
    enterMdc();
    try {
      if (expired()) {
        closeExpired(); // a frame that raced the scheduled close
        return;
      }
      WebSocketApi.Reply reply = api.receive(connection, user, text);
      if (reply.fault() != null) {
        LOG.error("a frame on connection {} failed", connection, reply.fault());
      }
      send(reply.frame());
    } finally {
      leaveMdc();
    }
  }

  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    enterMdc();
    try {
      send(api.receiveBinary().frame());
    } finally {
      callback.succeed();
      leaveMdc();
    }
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    // Frames over the size limit land here (Jetty then closes with 1009), as do broken connections.
    LOG.debug("connection {} failed: {}", connection, cause.toString());
    forget();
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason, Callback callback) {
    LOG.debug("connection {} closed: {} {}", connection, statusCode, reason);
    try {
      forget();
    } finally {
      callback.succeed();
    }
  }

  private void send(String frame) {
    Session current = session;
    current.sendText(
        frame,
        Callback.from(
            () -> {},
            failure -> {
              LOG.debug("a frame to {} was not sent: {}", connection, failure.toString());
              current.disconnect();
            }));
  }

  /** Runs once, whichever of error and close comes first. */
  private void forget() {
    if (!forgotten.compareAndSet(false, true)) {
      return;
    }
    enterMdc();
    try {
      Scheduler.Task pending = expiry;
      if (pending != null) {
        pending.cancel();
      }
      Session current = session;
      if (current != null) {
        delivery.unregister(connection, current);
      }
      api.close(connection);
    } catch (RuntimeException e) {
      // The socket is gone either way; the store's own expiry catches up with the entry.
      LOG.warn("could not forget connection {}", connection, e);
    } finally {
      closed.complete(null);
      leaveMdc();
    }
  }

  private void enterMdc() {
    MDC.put(LogKeys.CONNECTION_ID, connection.value());
    MDC.put(LogKeys.USER_ID, user.value());
  }

  private static void leaveMdc() {
    MDC.remove(LogKeys.CONNECTION_ID);
    MDC.remove(LogKeys.USER_ID);
  }
}

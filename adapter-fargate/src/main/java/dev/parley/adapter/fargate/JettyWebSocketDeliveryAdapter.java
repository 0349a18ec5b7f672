package dev.parley.adapter.fargate;

import dev.parley.application.port.out.EventDeliveryPort;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.protocol.json.EventJson;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to the WebSocket sessions of this node. Recipients without a session here are
 * skipped: they are connected to another node (which gets the event through its own delivery), or
 * gone.
 *
 * <p>Sends are asynchronous ({@link Session#sendText(String, Callback)}), so a post never waits for
 * a slow client; Jetty queues a bounded number of frames per session, and a send that fails (broken
 * connection, queue full) drops that session: the client reconnects and resumes by sequence.
 * Thread-safe.
 */
@Singleton
public final class JettyWebSocketDeliveryAdapter implements EventDeliveryPort {
  private static final Logger LOG = LoggerFactory.getLogger(JettyWebSocketDeliveryAdapter.class);

  private final ConcurrentHashMap<ConnectionId, Live> sessions = new ConcurrentHashMap<>();

  /** Set by {@link #closeAll}: the code and reason late arrivals are closed with, else null. */
  private volatile Shutdown shutdown;

  @Inject
  public JettyWebSocketDeliveryAdapter() {
    // Stateless apart from the session table; one per server.
  }

  @Override
  public void deliver(ChatEvent event, Collection<ConnectionId> recipients) {
    String frame = null;
    for (ConnectionId recipient : recipients) {
      Live live = sessions.get(recipient);
      if (live == null || live.closing) {
        continue;
      }
      if (frame == null) {
        // Encoded once, and only when someone here listens.
        frame = EventJson.encode(event);
      }
      try {
        live.session.sendText(
            frame, Callback.from(() -> {}, failure -> drop(recipient, live, failure)));
      } catch (RuntimeException e) {
        // Best effort: one broken session must not cost the others their event.
        drop(recipient, live, e);
      }
    }
  }

  @Override
  public void disconnect(Collection<ConnectionId> connections, DisconnectReason reason) {
    String text =
        switch (reason) {
          case KICKED -> "kicked";
          case BANNED -> "banned";
        };
    for (ConnectionId connection : connections) {
      Live live = sessions.get(connection);
      if (live != null) {
        // Closing first, so that no later event races the close frame.
        live.closing = true;
        live.session.close(StatusCode.POLICY_VIOLATION, text, Callback.NOOP);
      }
    }
  }

  /** The number of sessions open (or closing) on this node. */
  public int sessionCount() {
    return sessions.size();
  }

  /**
   * Makes a session reachable; {@code closed} completes once the session is gone, and is what
   * {@link #closeAll} waits for.
   */
  void register(ConnectionId connection, Session session, CompletableFuture<Void> closed) {
    Live live = new Live(session, closed);
    sessions.put(connection, live);
    Shutdown closing = shutdown;
    if (closing != null) {
      // Its handshake overtook the shutdown: close it like all the others.
      live.closing = true;
      session.close(closing.code(), closing.reason(), Callback.NOOP);
    }
  }

  /** Forgets a session that has closed. */
  void unregister(ConnectionId connection, Session session) {
    Live live = sessions.get(connection);
    if (live != null && live.session == session && sessions.remove(connection, live)) {
      live.closed.complete(null);
    }
  }

  /**
   * Closes every session with {@code code} and {@code reason}; the future completes when all of
   * them have closed.
   */
  CompletableFuture<Void> closeAll(int code, String reason) {
    shutdown = new Shutdown(code, reason);
    List<CompletableFuture<Void>> closing = new ArrayList<>();
    for (Live live : sessions.values()) {
      live.closing = true;
      closing.add(live.closed);
      live.session.close(code, reason, Callback.NOOP);
    }
    return CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new));
  }

  private void drop(ConnectionId connection, Live live, Throwable failure) {
    if (live.closing) {
      // A close (1001 on shutdown, 1008 on a ban) or an earlier drop is already under way: a send
      // that raced it fails, and disconnecting now would cut the close frame off (the client would
      // see 1006 instead of the code it is owed).
      return;
    }
    live.closing = true;
    if (live.session.isOpen()) {
      LOG.info(
          "dropping WebSocket {}: an event could not be sent ({})", connection, failure.toString());
    } else {
      LOG.debug("WebSocket {} closed before an event reached it", connection);
    }
    // Abrupt on purpose: a close frame would queue behind the frames that did not go out.
    live.session.disconnect();
  }

  private record Shutdown(int code, String reason) {}

  /** One session and whether it is on its way out (then it gets no more events). */
  private static final class Live {
    final Session session;
    final CompletableFuture<Void> closed;
    volatile boolean closing;

    Live(Session session, CompletableFuture<Void> closed) {
      this.session = session;
      this.closed = closed;
    }
  }
}

package dev.parley.adapter.fargate;

import dev.parley.application.port.out.EventDeliveryPort;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.protocol.cluster.ClusterBus;
import dev.parley.protocol.cluster.ClusterMessage;
import dev.parley.protocol.json.EventJson;
import dev.parley.protocol.ws.WebSocketApi;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to the WebSocket sessions of this node, and through the {@link ClusterBus} to the
 * sessions of the other nodes. An event is encoded once, here: this node's sockets get the frame,
 * and the recipients it does not hold get the very same text through the bus. A frame that arrives
 * from another node is only forwarded to the sessions held here; ids not held here are skipped
 * (connected elsewhere, or gone). On a single node the bus is {@link ClusterBus#NONE}.
 *
 * <p>Sends are asynchronous ({@link Session#sendText(String, Callback)}), so a post never waits for
 * a slow client; Jetty queues a bounded number of frames per session, and a send that fails (broken
 * connection, queue full) drops that session: the client reconnects and resumes by sequence.
 * Thread-safe.
 */
public final class JettyWebSocketDeliveryAdapter implements EventDeliveryPort {
  private static final Logger LOG = LoggerFactory.getLogger(JettyWebSocketDeliveryAdapter.class);

  private final ConcurrentHashMap<ConnectionId, Live> sessions = new ConcurrentHashMap<>();
  private final ClusterBus cluster;

  /** Set by {@link #closeAll}: the code and reason late arrivals are closed with, else null. */
  private volatile Shutdown shutdown;

  /** One per server; {@link FargateModule} starts {@link #receive} on the bus. */
  public JettyWebSocketDeliveryAdapter(ClusterBus cluster) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
  }

  @Override
  public void deliver(ChatEvent event, Collection<ConnectionId> recipients) {
    String frame = null;
    List<ConnectionId> elsewhere = null; // allocated only when some recipient is not held here
    for (ConnectionId recipient : recipients) {
      Live live = sessions.get(recipient);
      if (live == null) {
        if (elsewhere == null) {
          elsewhere = new ArrayList<>();
        }
        elsewhere.add(recipient);
        continue;
      }
      if (frame == null) {
        // Encoded once, and only when someone listens.
        frame = EventJson.encode(event);
      }
      send(recipient, live, frame);
    }
    // On a single node, recipients not held here are gone: no frame is worth encoding for them.
    if (elsewhere != null && cluster != ClusterBus.NONE) {
      cluster.publish(
          new ClusterMessage.Frame(frame == null ? EventJson.encode(event) : frame, elsewhere));
    }
  }

  @Override
  public void disconnect(Collection<ConnectionId> connections, DisconnectReason reason) {
    List<ConnectionId> elsewhere = closeHere(connections, reason);
    if (!elsewhere.isEmpty()) {
      cluster.publish(new ClusterMessage.Disconnect(elsewhere, reason));
    }
  }

  /** What another node asks of the sessions held here; never published again. */
  void receive(ClusterMessage message) {
    switch (message) {
      case ClusterMessage.Frame frame -> {
        for (ConnectionId recipient : frame.recipients()) {
          Live live = sessions.get(recipient);
          if (live != null) {
            send(recipient, live, frame.frame());
          }
        }
      }
      case ClusterMessage.Disconnect disconnect ->
          closeHere(disconnect.recipients(), disconnect.reason());
    }
  }

  private void send(ConnectionId recipient, Live live, String frame) {
    if (live.closing) {
      return;
    }
    try {
      live.session.sendText(
          frame, Callback.from(() -> {}, failure -> drop(recipient, live, failure)));
    } catch (RuntimeException e) {
      // Best effort: one broken session must not cost the others their event.
      drop(recipient, live, e);
    }
  }

  /** Closes the sessions held here; returns the connections that are not. */
  private List<ConnectionId> closeHere(
      Collection<ConnectionId> connections, DisconnectReason reason) {
    String text =
        switch (reason) {
          case KICKED -> "kicked";
          case BANNED -> "banned";
        };
    List<ConnectionId> elsewhere = new ArrayList<>();
    String closing = null;
    for (ConnectionId connection : connections) {
      Live live = sessions.get(connection);
      if (live == null) {
        elsewhere.add(connection);
      } else {
        if (closing == null) {
          closing = WebSocketApi.closing(reason);
        }
        // Sent before the flag goes up (later events are dropped), and queued ahead of the close
        // frame: the client reads why before 1008, as it does on Lambda.
        send(connection, live, closing);
        live.closing = true;
        live.session.close(StatusCode.POLICY_VIOLATION, text, Callback.NOOP);
      }
    }
    return elsewhere;
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

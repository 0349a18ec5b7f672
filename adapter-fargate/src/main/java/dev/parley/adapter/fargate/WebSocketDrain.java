package dev.parley.adapter.fargate;

import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.util.component.Graceful;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * Closes every WebSocket with 1001 (going away) when the server shuts down gracefully. Jetty calls
 * {@link #shutdown()} together with the other graceful components (the connector stops accepting,
 * in-flight requests finish) and waits for all of them, at most the server's stop timeout.
 */
final class WebSocketDrain implements Graceful {
  static final String REASON = "server shutting down";

  private final JettyWebSocketDeliveryAdapter delivery;
  private CompletableFuture<Void> closed;

  WebSocketDrain(JettyWebSocketDeliveryAdapter delivery) {
    this.delivery = delivery;
  }

  @Override
  public synchronized CompletableFuture<Void> shutdown() {
    if (closed == null) {
      closed = delivery.closeAll(StatusCode.SHUTDOWN, REASON);
    }
    return closed;
  }

  @Override
  public synchronized boolean isShutdown() {
    return closed != null;
  }
}

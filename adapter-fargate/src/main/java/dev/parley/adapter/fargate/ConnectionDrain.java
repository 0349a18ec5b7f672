package dev.parley.adapter.fargate;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.Graceful;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the HTTP connections of a draining server that carry no request, and leaves those that do
 * open until their request has been answered.
 *
 * <p>Jetty's own way of closing kept-alive connections during a shutdown is a short idle timeout on
 * every connection; it also ended uploads whose body paused for a moment, which then failed as
 * malformed. The connector's shutdown idle timeout is therefore as long as the drain, and this
 * handler closes the idle connections instead: it knows which connections have a request in its
 * handlers, from the moment the headers arrived until the answer was written. WebSockets are left
 * to {@link WebSocketDrain}, which closes them with 1001.
 */
final class ConnectionDrain extends Handler.Wrapper implements Graceful {
  /** How often a draining server looks for connections that have become idle. */
  static final Duration SWEEP_INTERVAL = Duration.ofMillis(100);

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionDrain.class);

  private final Connector connector;
  private final Map<EndPoint, Integer> busy = new ConcurrentHashMap<>();
  private volatile boolean shutdown;

  ConnectionDrain(Connector connector, Handler next) {
    super(next);
    this.connector = connector;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
    busy.merge(endPoint, 1, Integer::sum);
    boolean handled = false;
    try {
      handled = super.handle(request, response, new Releasing(callback, endPoint));
      return handled;
    } finally {
      if (!handled) {
        release(endPoint);
      }
    }
  }

  @Override
  public CompletableFuture<Void> shutdown() {
    synchronized (this) {
      if (shutdown) {
        return CompletableFuture.completedFuture(null);
      }
      shutdown = true;
    }
    Thread.ofPlatform().name("parley-connection-drain").daemon(true).start(this::sweep);
    // The connector's own shutdown waits until every connection is closed.
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  int connectionsInUse() {
    return busy.size();
  }

  private void sweep() {
    try {
      while (connector.isRunning()) {
        for (EndPoint endPoint : connector.getConnectedEndPoints()) {
          // An upgraded connection (a WebSocket) is no longer an HTTP one.
          if (endPoint.getConnection() instanceof ConnectionMetaData
              && !busy.containsKey(endPoint)) {
            endPoint.close();
          }
        }
        // Polling, because Jetty signals no event when a kept-alive connection goes idle; the
        // sweep runs only while draining, at most for the drain's few seconds.
        Thread.sleep(SWEEP_INTERVAL);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("could not close idle connections while draining", e);
    }
  }

  private void release(EndPoint endPoint) {
    busy.computeIfPresent(endPoint, (key, count) -> count == 1 ? null : count - 1);
  }

  /** Marks the connection idle once the request's answer has gone out (or failed to). */
  private final class Releasing implements Callback {
    private final Callback callback;
    private final EndPoint endPoint;

    Releasing(Callback callback, EndPoint endPoint) {
      this.callback = callback;
      this.endPoint = endPoint;
    }

    @Override
    public void succeeded() {
      try {
        callback.succeeded();
      } finally {
        release(endPoint);
      }
    }

    @Override
    public void failed(Throwable failure) {
      try {
        callback.failed(failure);
      } finally {
        release(endPoint);
      }
    }

    @Override
    public InvocationType getInvocationType() {
      return callback.getInvocationType();
    }
  }
}

package dev.parley.local.apigateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket API's connections: those the Management API can reach (open, {@code $connect}
 * done), and those whose {@code $disconnect} has not finished yet, which a stop waits for.
 */
final class LocalConnections {
  private static final Logger LOG = LoggerFactory.getLogger(LocalConnections.class);

  private final ConcurrentHashMap<String, LocalConnection> open = new ConcurrentHashMap<>();

  /** Every connection whose {@code $disconnect} has not finished yet, postable or not. */
  private final Set<LocalConnection> unfinished = ConcurrentHashMap.newKeySet();

  void opened(LocalConnection connection) {
    unfinished.add(connection);
    open.put(connection.id(), connection);
  }

  /** The open connection with this id, or null. */
  LocalConnection get(String id) {
    return open.get(id);
  }

  /** No longer postable; a no-op unless {@code connection} is the one open under its id. */
  void closed(LocalConnection connection) {
    open.remove(connection.id(), connection);
  }

  /** Removes the open connection with this id and returns it, or null if none was open. */
  LocalConnection remove(String id) {
    return open.remove(id);
  }

  void finished(LocalConnection connection) {
    unfinished.remove(connection);
  }

  Set<String> ids() {
    return Set.copyOf(open.keySet());
  }

  /** Closes every connection with 1001 and waits, at most {@code timeout}, for their ends. */
  void closeAll(Duration timeout) {
    List<CompletableFuture<Void>> finishing = new ArrayList<>();
    for (LocalConnection connection : unfinished) {
      finishing.add(connection.finished());
      connection.close(StatusCode.SHUTDOWN, "the emulator is stopping");
    }
    try {
      CompletableFuture.allOf(finishing.toArray(CompletableFuture[]::new))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("{} connections had not disconnected when the emulator stopped", unfinished.size());
    }
  }
}

package dev.parley.adapter.lambda;

import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.application.port.out.EventDeliveryPort;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.protocol.json.EventJson;
import dev.parley.protocol.ws.WebSocketApi;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.LimitExceededException;

/**
 * Delivers events to API Gateway WebSocket connections through the Management API ({@code
 * POST @connections/{id}}), and disconnects them with {@code DELETE @connections/{id}}.
 *
 * <p>Each event is encoded once; the posts of a fan-out run on virtual threads, at most {@link
 * LambdaConfig#maxConcurrentPosts()} at a time, and {@link #deliver} returns when all are done (a
 * Lambda environment is frozen once the handler returns). A {@code GoneException} (410: the client
 * is gone, {@code $disconnect} may have been missed) removes exactly that connection from the
 * registry; a {@code LimitExceededException} (throttled) is retried with exponential backoff; any
 * other failure is logged and skipped: delivery is best effort and clients resume by sequence.
 *
 * <p>The endpoint is the configured one ({@link LambdaConfig#webSocketEndpoint()}), else the one of
 * the latest WebSocket event ({@link #useEndpointOf}); the fan-out function names it in each batch
 * ({@link #deliverFrame}). One SDK client per endpoint, cached. The SDK's own retries are off, so
 * that throttling is retried here, visibly and boundedly. Thread-safe.
 */
@Singleton
public final class ManagementApiDeliveryAdapter implements EventDeliveryPort {
  private static final Logger LOG = LoggerFactory.getLogger(ManagementApiDeliveryAdapter.class);

  private final LambdaConfig config;
  private final ConnectionRegistryPort connections;
  private final ConcurrentHashMap<URI, ApiGatewayManagementApiClient> clients =
      new ConcurrentHashMap<>();
  private volatile URI lastSeenEndpoint;

  @Inject
  public ManagementApiDeliveryAdapter(LambdaConfig config, ConnectionRegistryPort connections) {
    this.config = config;
    this.connections = connections;
  }

  /** Remembers the endpoint of the WebSocket API stage that sent the current event. */
  public void useEndpointOf(String domainName, String stage) {
    if (domainName != null && stage != null) {
      lastSeenEndpoint = config.endpointOf(domainName, stage);
    }
  }

  /** The endpoint posts go to, or null when none is configured or seen yet. */
  public URI endpoint() {
    URI configured = config.webSocketEndpoint();
    return configured != null ? configured : lastSeenEndpoint;
  }

  @Override
  public void deliver(ChatEvent event, Collection<ConnectionId> recipients) {
    if (recipients.isEmpty()) {
      return;
    }
    URI endpoint = endpoint();
    if (endpoint == null) {
      LOG.warn(
          "no WebSocket endpoint known ({} is not set): {} recipient(s) miss an event",
          LambdaConfig.ENV_WEBSOCKET_ENDPOINT,
          recipients.size());
      return;
    }
    deliverFrame(endpoint, EventJson.encode(event), recipients);
  }

  /**
   * Posts an encoded frame to each recipient through {@code endpoint}, as {@link #deliver} does,
   * and returns when all are done: the direct path of an event, and the work of the fan-out
   * function.
   */
  public PostCounts deliverFrame(URI endpoint, String frame, Collection<ConnectionId> recipients) {
    if (recipients.isEmpty()) {
      return new PostCounts(0, 0, 0);
    }
    AtomicInteger posted = new AtomicInteger();
    AtomicInteger gone = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    forEach(
        recipients,
        recipient -> {
          AtomicInteger count =
              switch (post(endpoint, recipient, frame)) {
                case POSTED -> posted;
                case GONE -> gone;
                case FAILED -> failed;
              };
          count.incrementAndGet();
        });
    return new PostCounts(posted.get(), gone.get(), failed.get());
  }

  /**
   * How the posts of one frame went.
   *
   * @param posted accepted by API Gateway
   * @param gone answered 410: the connection was removed from the registry
   * @param failed dropped after throttling or another error (logged)
   */
  public record PostCounts(int posted, int gone, int failed) {}

  @Override
  public void disconnect(Collection<ConnectionId> targets, DisconnectReason reason) {
    URI endpoint = endpoint();
    if (endpoint == null || targets.isEmpty()) {
      return;
    }
    String closing = WebSocketApi.closing(reason);
    forEach(
        targets,
        target -> {
          // DeleteConnection cannot choose a close code: this frame is how the client learns why.
          if (post(endpoint, target, closing) != Outcome.GONE) {
            delete(endpoint, target, reason);
          }
        });
  }

  /**
   * Sends one frame to one connection (the reply to a client frame). Returns whether it was posted;
   * a gone connection is removed from the registry.
   */
  public boolean send(ConnectionId connection, String frame) {
    URI endpoint = endpoint();
    if (endpoint == null) {
      LOG.warn("no WebSocket endpoint known: a reply to {} is dropped", connection);
      return false;
    }
    return post(endpoint, connection, frame) == Outcome.POSTED;
  }

  /**
   * Closes one connection whose token has expired; API Gateway then invokes {@code $disconnect},
   * which forgets it.
   */
  public void hangUp(ConnectionId connection) {
    URI endpoint = endpoint();
    if (endpoint != null) {
      delete(endpoint, connection, "token expired");
    }
  }

  /** The cached client for the endpoint, built on first use (no network call). */
  public ApiGatewayManagementApiClient client(URI endpoint) {
    return clients.computeIfAbsent(endpoint, this::build);
  }

  /** Whether the client for the endpoint has been built already. */
  boolean hasClient(URI endpoint) {
    return clients.containsKey(endpoint);
  }

  /** Builds the client of the current endpoint ahead of the first event (SnapStart priming). */
  void prime() {
    URI endpoint = endpoint();
    if (endpoint != null) {
      client(endpoint);
    } else {
      // Loads and initialises the SDK's classes; the throwaway client makes no call.
      build(URI.create("https://priming.invalid/prime")).close();
    }
  }

  private ApiGatewayManagementApiClient build(URI endpoint) {
    return ApiGatewayManagementApiClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(config.region()))
        .credentialsProvider(config.credentials())
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  private enum Outcome {
    POSTED,
    GONE,
    FAILED
  }

  private Outcome post(URI endpoint, ConnectionId connection, String frame) {
    ApiGatewayManagementApiClient client = client(endpoint);
    SdkBytes data = SdkBytes.fromUtf8String(frame);
    Duration delay = config.backoffBase();
    for (int attempt = 1; ; attempt++) {
      try {
        client.postToConnection(b -> b.connectionId(connection.value()).data(data));
        return Outcome.POSTED;
      } catch (GoneException e) {
        LOG.debug("connection {} is gone; removing it", connection);
        connections.remove(connection);
        return Outcome.GONE;
      } catch (LimitExceededException e) {
        if (attempt >= config.maxAttempts()) {
          LOG.warn("throttled {} times posting to {}; event dropped", attempt, connection);
          return Outcome.FAILED;
        }
        if (!pause(delay)) {
          return Outcome.FAILED;
        }
        delay = delay.multipliedBy(2);
      } catch (SdkException e) {
        LOG.warn("posting to {} failed: {}", connection, e.toString());
        return Outcome.FAILED;
      }
    }
  }

  private void delete(URI endpoint, ConnectionId connection, Object reason) {
    try {
      client(endpoint).deleteConnection(b -> b.connectionId(connection.value()));
      LOG.info("disconnected {} ({})", connection, reason);
    } catch (GoneException e) {
      LOG.debug("connection {} was already gone", connection);
    } catch (SdkException e) {
      LOG.warn("disconnecting {} failed: {}", connection, e.toString());
    }
    connections.remove(connection);
  }

  /**
   * Backs off between retries of a throttled @connections call (LimitExceededException): API
   * Gateway asks callers to slow down, and the wait runs on the fan-out's virtual thread, so it
   * blocks no platform thread. Bounded by the retry policy (4 attempts from 50 ms).
   */
  private static boolean pause(Duration delay) {
    try {
      Thread.sleep(delay);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private interface Task {
    void run(ConnectionId connection);
  }

  /** Runs the task for each connection, a bounded number at a time, and waits for all of them. */
  private void forEach(Collection<ConnectionId> targets, Task task) {
    if (targets.size() == 1) {
      task.run(targets.iterator().next());
      return;
    }
    Semaphore permits = new Semaphore(config.maxConcurrentPosts());
    List<Future<?>> running = new ArrayList<>(targets.size());
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (ConnectionId target : targets) {
        permits.acquireUninterruptibly();
        running.add(
            executor.submit(
                () -> {
                  try {
                    task.run(target);
                  } finally {
                    permits.release();
                  }
                }));
      }
      for (Future<?> future : running) {
        await(future);
      }
    }
  }

  private static void await(Future<?> future) {
    try {
      future.get();
    } catch (ExecutionException e) {
      LOG.warn("a delivery task failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package dev.parley.adapter.fargate;

import dev.parley.application.port.in.CheckStoreHealthUseCase;
import dev.parley.protocol.rest.RestApi;
import dev.parley.protocol.ws.Handshake;
import dev.parley.protocol.ws.WebSocketApi;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat server of a Fargate task: an embedded Jetty 12 (core API, virtual threads) serving the
 * REST API, the WebSocket endpoint {@code /ws}, and the health checks {@code /health/live} and
 * {@code /health/ready}.
 *
 * <p>{@link #stop()} drains: readiness turns 503 at once, the listener closes, in-flight requests
 * finish (a 201 is only ever written after its use case has completed, so no acknowledged message
 * is lost), and every WebSocket is closed with 1001, all within {@link
 * FargateServerConfig#drainTimeout()}. Call it from a shutdown hook: ECS sends SIGTERM, then
 * SIGKILL after its stop timeout.
 *
 * <pre>{@code
 * ChatServer server = component.chatServer();
 * server.start();
 * Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
 * server.join();
 * }</pre>
 */
@Singleton
public final class ChatServer {
  /** How long past the drain timeout {@link #stop()} waits for Jetty before it gives up. */
  static final Duration STOP_GRACE = Duration.ofSeconds(3);

  /** Far above the clients' ping interval: only a dead connection stays silent this long. */
  static final Duration WEBSOCKET_IDLE_TIMEOUT = Duration.ofMinutes(5);

  /** Above the ALB's default 60 s, so the load balancer, not Jetty, ends idle connections. */
  static final Duration HTTP_IDLE_TIMEOUT = Duration.ofSeconds(75);

  /** Room for a JWT of up to 16 KB (what the resolver accepts) in a header or subprotocol. */
  static final int MAX_REQUEST_HEADER_BYTES = 32 * 1024;

  /** Events queued for one client before it counts as too slow and is dropped. */
  static final int MAX_OUTGOING_FRAMES = 1024;

  static final String WEBSOCKET_PATH = "/ws";

  private static final Logger LOG = LoggerFactory.getLogger(ChatServer.class);

  private final FargateServerConfig config;
  private final RestApi rest;
  private final WebSocketApi webSocket;
  private final Handshake handshake;
  private final JettyWebSocketDeliveryAdapter delivery;
  private final Readiness readiness;
  private final List<Handler> extraHandlers = new ArrayList<>();
  private final Object lock = new Object();
  private volatile Server server;
  private volatile ConnectionDrain connections;
  private volatile int port = -1;
  private volatile boolean stopped;

  @Inject
  public ChatServer(
      FargateServerConfig config,
      RestApi rest,
      WebSocketApi webSocket,
      Handshake handshake,
      JettyWebSocketDeliveryAdapter delivery,
      CheckStoreHealthUseCase storeHealth) {
    this.config = Objects.requireNonNull(config, "config");
    this.rest = Objects.requireNonNull(rest, "rest");
    this.webSocket = Objects.requireNonNull(webSocket, "webSocket");
    this.handshake = Objects.requireNonNull(handshake, "handshake");
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.readiness = new Readiness(Objects.requireNonNull(storeHealth, "storeHealth"));
  }

  /** Adds a condition to {@code /health/ready}; may be called before or after {@link #start()}. */
  public void addReadinessCheck(ReadinessCheck check) {
    readiness.add(Objects.requireNonNull(check, "check"));
  }

  /**
   * Adds a handler asked before the REST API, for paths the API does not have: a sample server's
   * development pages. It answers {@code false} for every request it does not serve. Production
   * deployments add none, so the API's own 404 answers stay as they are.
   *
   * @throws IllegalStateException after {@link #start()}
   */
  public void addExtraHandler(Handler handler) {
    Objects.requireNonNull(handler, "handler");
    synchronized (lock) {
      if (server != null) {
        throw new IllegalStateException("extra handlers are added before start()");
      }
      extraHandlers.add(handler);
    }
  }

  /**
   * Binds the port and starts serving; returns once the server accepts connections.
   *
   * @throws IllegalStateException if this server was started before (a server starts once)
   * @throws Exception when the port cannot be bound or Jetty fails to start
   */
  public void start() throws Exception {
    synchronized (lock) {
      if (server != null) {
        throw new IllegalStateException("a ChatServer starts once; build another one to restart");
      }
      Server jetty = new Server(threads());
      ServerConnector connector = connector(jetty);
      jetty.addConnector(connector);
      jetty.setHandler(handlers(jetty, connector));
      jetty.addBean(new WebSocketDrain(delivery));
      // Jetty's graceful phase (stop accepting, finish in-flight work) lasts at most this long.
      jetty.setStopTimeout(config.drainTimeout().toMillis());
      // stop() must run first (readiness 503 before anything else), so no hook of Jetty's own.
      jetty.setStopAtShutdown(false);
      jetty.setErrorHandler(new ProblemErrorHandler());
      server = jetty;
      try {
        jetty.start();
      } catch (Exception e) {
        stopQuietly(jetty);
        throw e;
      }
      port = connector.getLocalPort();
      readiness.started();
      LOG.info(
          "Parley chat server listening on {} (WebSocket {}), drain timeout {} s",
          httpUri(),
          webSocketUri(),
          config.drainTimeout().toSeconds());
    }
  }

  /** The bound port (the ephemeral one when the configured port is 0). */
  public int port() {
    int bound = port;
    if (bound < 0) {
      throw new IllegalStateException("the server has not been started");
    }
    return bound;
  }

  /** {@code http://host:port}; a wildcard bind address is reached through 127.0.0.1. */
  public URI httpUri() {
    return URI.create("http://" + reachableHost() + ":" + port());
  }

  /** {@code ws://host:port/ws}. */
  public URI webSocketUri() {
    return URI.create("ws://" + reachableHost() + ":" + port() + WEBSOCKET_PATH);
  }

  /**
   * Drains and stops; see the class comment. Returns when the server has stopped, at the latest
   * shortly after the drain timeout. Safe to call more than once and from several threads.
   */
  public void stop() {
    synchronized (lock) {
      if (server == null || stopped) {
        return;
      }
      stopped = true;
      readiness.drain();
      long start = System.nanoTime();
      LOG.info(
          "draining: readiness is 503, finishing in-flight requests, closing {} WebSocket(s);"
              + " at most {} s",
          delivery.sessionCount(),
          config.drainTimeout().toSeconds());
      Server jetty = server;
      if (runWithin(() -> stopQuietly(jetty), config.drainTimeout().plus(STOP_GRACE))) {
        LOG.info("stopped in {} ms", (System.nanoTime() - start) / 1_000_000);
      } else {
        // Seen once under load: Jetty's selector missed its stop task and ManagedSelector.doStop
        // waited for it without a timeout. Returning lets a shutdown hook end, so the JVM exits
        // before ECS's SIGKILL; the drain itself (every acknowledged write) happened before.
        LOG.warn(
            "Jetty had not stopped {} s after the drain began; giving up waiting for it",
            config.drainTimeout().plus(STOP_GRACE).toSeconds());
      }
    }
  }

  /** Waits until the server has stopped. */
  public void join() throws InterruptedException {
    Server current = server;
    if (current == null) {
      throw new IllegalStateException("the server has not been started");
    }
    current.join();
  }

  /** True from a successful {@link #start()} until {@link #stop()} begins. */
  public boolean isRunning() {
    Server current = server; // no lock: stop() holds it for the whole drain
    return current != null && !stopped && current.isRunning();
  }

  /** Connections with a request in the handlers (for tests that must know a request arrived). */
  int connectionsInUse() {
    ConnectionDrain current = connections;
    return current == null ? 0 : current.connectionsInUse();
  }

  private static QueuedThreadPool threads() {
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("parley-jetty");
    // Blocking handlers (REST calls, WebSocket frames, store I/O) each get a virtual thread.
    threads.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("parley-vt-"));
    return threads;
  }

  private ServerConnector connector(Server jetty) {
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
    ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    connector.setHost(config.host());
    connector.setPort(config.port());
    connector.setIdleTimeout(HTTP_IDLE_TIMEOUT.toMillis());
    // Jetty's default (1 s) would cut off an upload pausing during the drain; ConnectionDrain
    // closes the idle connections instead.
    connector.setShutdownIdleTimeout(config.drainTimeout().toMillis());
    return connector;
  }

  /**
   * The connection drain first (it must see every request), then health (it must answer while
   * draining), then the graceful handler (counts in-flight requests and refuses new ones during
   * shutdown), then WebSocket upgrades on {@code /ws}, the {@linkplain #addExtraHandler extra
   * handlers} if any, and the REST API for everything else.
   */
  private ConnectionDrain handlers(Server jetty, ServerConnector connector) {
    WebSocketHandshake upgrade =
        new WebSocketHandshake(webSocket, handshake, delivery, readiness, jetty.getScheduler());
    WebSocketUpgradeHandler upgrades =
        WebSocketUpgradeHandler.from(
            jetty,
            container -> {
              container.setIdleTimeout(WEBSOCKET_IDLE_TIMEOUT);
              // Larger messages close with 1009. The frame size may stay at Jetty's 64 KB:
              // auto-fragmentation (on by default) splits a bigger frame instead of refusing it.
              container.setMaxTextMessageSize(WebSocketApi.MAX_FRAME_BYTES);
              container.setMaxBinaryMessageSize(WebSocketApi.MAX_FRAME_BYTES);
              container.setMaxOutgoingFrames(MAX_OUTGOING_FRAMES);
              container.addMapping(WEBSOCKET_PATH, upgrade);
            });
    Handler api = new RestHandler(rest);
    if (extraHandlers.isEmpty()) {
      upgrades.setHandler(api);
    } else {
      List<Handler> chain = new ArrayList<>(extraHandlers);
      chain.add(api);
      upgrades.setHandler(new Handler.Sequence(chain));
    }
    connections =
        new ConnectionDrain(
            connector,
            new HealthHandler(
                readiness, new GracefulHandler(CrossOrigin.wrap(config.cors(), upgrades))));
    return connections;
  }

  /**
   * Runs {@code task} on a daemon thread and waits at most {@code limit}: true when it finished in
   * time. The thread is left to itself otherwise.
   */
  static boolean runWithin(Runnable task, Duration limit) {
    Thread worker = Thread.ofPlatform().name("parley-jetty-stop").daemon(true).start(task);
    try {
      return worker.join(limit);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void stopQuietly(Server jetty) {
    try {
      jetty.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("interrupted while stopping");
    } catch (Exception e) {
      LOG.warn("the server did not stop cleanly", e);
    }
  }

  private String reachableHost() {
    String host = config.host();
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      return "127.0.0.1";
    }
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}

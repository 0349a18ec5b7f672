package dev.parley.adapter.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The API Gateway Management API on loopback: {@code POST /{stage}/@connections/{id}} answers 200
 * for a live connection and 410 {@code GoneException} for an unknown one, or 429 {@code
 * LimitExceededException} while a throttle is armed for the id; {@code DELETE} closes a live
 * connection (204) or answers 410.
 */
final class FakeConnectionsServer implements AutoCloseable {
  static final String STAGE = "prod";
  private static final String PREFIX = "/" + STAGE + "/@connections/";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final Set<String> live = ConcurrentHashMap.newKeySet();
  private final Map<String, List<String>> frames = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> throttles = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> postAttempts = new ConcurrentHashMap<>();
  private final List<String> deleted = new CopyOnWriteArrayList<>();

  FakeConnectionsServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** What API Gateway puts in {@code requestContext.domainName} for this server. */
  String domainName() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  void connect(String... ids) {
    live.addAll(List.of(ids));
  }

  /** The next {@code times} posts to {@code id} are throttled. */
  void throttle(String id, int times) {
    throttles.put(id, new AtomicInteger(times));
  }

  List<String> framesTo(String id) {
    return frames.getOrDefault(id, List.of());
  }

  int postAttempts(String id) {
    AtomicInteger attempts = postAttempts.get(id);
    return attempts == null ? 0 : attempts.get();
  }

  List<String> deleted() {
    return deleted;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (!path.startsWith(PREFIX)) {
        reply(exchange, 404, "NotFoundException");
        return;
      }
      String id = URLDecoder.decode(path.substring(PREFIX.length()), StandardCharsets.UTF_8);
      switch (exchange.getRequestMethod()) {
        case "POST" -> {
          postAttempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
          AtomicInteger throttle = throttles.get(id);
          if (throttle != null && throttle.getAndDecrement() > 0) {
            reply(exchange, 429, "LimitExceededException");
          } else if (!live.contains(id)) {
            reply(exchange, 410, "GoneException");
          } else {
            frames
                .computeIfAbsent(id, k -> new CopyOnWriteArrayList<>())
                .add(new String(body, StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
          }
        }
        case "DELETE" -> {
          deleted.add(id);
          if (live.remove(id)) {
            exchange.sendResponseHeaders(204, -1);
          } else {
            reply(exchange, 410, "GoneException");
          }
        }
        default -> reply(exchange, 405, "MethodNotAllowed");
      }
    }
  }

  private static void reply(HttpExchange exchange, int status, String errorType)
      throws IOException {
    byte[] body = ("{\"message\":\"" + errorType + "\"}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}

package dev.parley.adapter.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Lambda's Invoke API on loopback ({@code POST /2015-03-31/functions/{name}/invocations}), which
 * records each invocation and answers as Lambda does to an accepted asynchronous one (202), or,
 * once {@link #refuse} is called, 404 {@code ResourceNotFoundException}. It runs nothing: the
 * fan-out function is {@link FanOutHandler}'s tests' part.
 */
final class FakeLambdaServer implements AutoCloseable {
  private static final String PREFIX = "/2015-03-31/functions/";

  /** One invocation as it arrived: the decoded function, and the raw path and signature. */
  record Invocation(
      String function,
      String invocationType,
      byte[] payload,
      String rawPath,
      String authorization) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final List<Invocation> invocations = new CopyOnWriteArrayList<>();
  private volatile boolean refusing;
  private final java.util.concurrent.ConcurrentLinkedQueue<Integer> throttles =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  FakeLambdaServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** From now on every invocation is refused: the function does not exist. */
  void refuse() {
    refusing = true;
  }

  /** The next {@code count} invocations are throttled (429 TooManyRequestsException). */
  void throttle(int count) {
    for (int i = 0; i < count; i++) {
      throttles.add(429);
    }
  }

  List<Invocation> invocations() {
    return invocations;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (!path.startsWith(PREFIX) || !path.endsWith("/invocations")) {
        reply(exchange, 404, "UnknownOperationException");
        return;
      }
      String function =
          URLDecoder.decode(
              path.substring(PREFIX.length(), path.length() - "/invocations".length()),
              StandardCharsets.UTF_8);
      invocations.add(
          new Invocation(
              function,
              exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"),
              body,
              path,
              exchange.getRequestHeaders().getFirst("Authorization")));
      if (throttles.poll() != null) {
        reply(exchange, 429, "TooManyRequestsException");
      } else if (refusing) {
        reply(exchange, 404, "ResourceNotFoundException");
      } else {
        exchange.sendResponseHeaders(202, -1);
      }
    }
  }

  private static void reply(HttpExchange exchange, int status, String errorType)
      throws IOException {
    byte[] body =
        ("{\"Type\":\"User\",\"message\":\"" + errorType + "\"}").getBytes(StandardCharsets.UTF_8);
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

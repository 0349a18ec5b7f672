package dev.parley.deploy.lambda;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * What a deployed function calls over HTTP besides DynamoDB, on 127.0.0.1: the token issuer's JWKS
 * and the API Gateway Management API of a WebSocket stage, which accepts every {@code POST
 * @connections/{id}} and {@code DELETE} and remembers what was posted.
 */
final class LoopbackEndpoints implements AutoCloseable {
  static final String STAGE = "live";

  private static final String CONNECTIONS = "/" + STAGE + "/@connections/";

  /** A frame posted to a connection. */
  record Posted(String connectionId, String frame) {}

  private final HttpServer server;
  private final List<Posted> posted = new CopyOnWriteArrayList<>();

  private LoopbackEndpoints(HttpServer server) {
    this.server = server;
  }

  /** Serves the public half of {@code keys} at {@link #jwksUrl()}. */
  static LoopbackEndpoints start(JWKSet keys) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    LoopbackEndpoints endpoints = new LoopbackEndpoints(server);
    byte[] jwks = keys.toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/jwks.json",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          respond(exchange, 200, jwks);
        });
    server.createContext(CONNECTIONS, endpoints::connections);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    return endpoints;
  }

  URI jwksUrl() {
    return URI.create(base() + "/jwks.json");
  }

  /** The Management API endpoint, as in PARLEY_WEBSOCKET_ENDPOINT (without /@connections). */
  URI connectionsEndpoint() {
    return URI.create(base() + "/" + STAGE);
  }

  List<Posted> posted() {
    return List.copyOf(posted);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void connections(HttpExchange exchange) throws IOException {
    String id =
        URLDecoder.decode(
            exchange.getRequestURI().getRawPath().substring(CONNECTIONS.length()),
            StandardCharsets.UTF_8);
    switch (exchange.getRequestMethod()) {
      case "POST" -> {
        posted.add(
            new Posted(
                id, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        respond(exchange, 200, new byte[0]);
      }
      case "DELETE" -> respond(exchange, 204, null);
      default -> respond(exchange, 405, null);
    }
  }

  private String base() {
    InetSocketAddress address = server.getAddress();
    return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
  }

  private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body == null || body.length == 0 ? -1 : body.length);
    if (body != null && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }
}

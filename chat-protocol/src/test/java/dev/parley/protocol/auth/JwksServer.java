package dev.parley.protocol.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP server on 127.0.0.1 (random port) publishing the public part of a JWK set, as an OIDC
 * issuer does; counts the fetches. Close it after the test.
 */
final class JwksServer implements AutoCloseable {
  private static final String PATH = "/.well-known/jwks.json";

  private final HttpServer server;
  private final AtomicReference<String> body = new AtomicReference<>();
  private final AtomicInteger fetches = new AtomicInteger();

  private JwksServer(List<JWK> keys) {
    publish(keys);
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        PATH,
        exchange -> {
          fetches.incrementAndGet();
          byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  static JwksServer publishing(JWK... keys) {
    return new JwksServer(List.of(keys));
  }

  /** Replaces the published set, as an issuer does when it rotates its keys. */
  void publish(JWK... keys) {
    publish(List.of(keys));
  }

  private void publish(List<JWK> keys) {
    // toPublicJWKSet: the private parts must never be served, even by a test issuer.
    body.set(new JWKSet(keys).toPublicJWKSet().toString());
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
  }

  int fetches() {
    return fetches.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

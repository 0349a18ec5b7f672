package dev.parley.bus.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the tests find Redis: {@code CHAT_TEST_REDIS_URL}, else {@code redis://127.0.0.1:6379}.
 * When it does not answer, the tests are skipped with a message saying how to enable them, except
 * under {@code CI=true}, where a missing Redis fails the build: CI must never pass by running
 * nothing.
 */
final class TestRedis {
  static final String URL_VARIABLE = "CHAT_TEST_REDIS_URL";
  private static final String DEFAULT_URL = "redis://127.0.0.1:6379";

  private static String resolved;

  private TestRedis() {}

  /** The URL of a Redis that answered PING. */
  static synchronized String url() {
    if (resolved == null) {
      String url = System.getenv(URL_VARIABLE);
      url = url == null || url.isBlank() ? DEFAULT_URL : url;
      String problem = ping(url);
      if (problem != null) {
        String howTo =
            "No Redis for the bus-redis tests at "
                + url
                + " ("
                + problem
                + "): start one (redis-server --port 6379) or set "
                + URL_VARIABLE
                + ".";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
          throw new IllegalStateException(howTo + " Under CI=true this is a failure, not a skip.");
        }
        Assumptions.abort(howTo);
      }
      resolved = url;
    }
    return resolved;
  }

  /** Null when a plain-TCP Redis answers PING; otherwise what went wrong. */
  private static String ping(String url) {
    URI uri = URI.create(url);
    if (!"redis".equals(uri.getScheme())) {
      return null; // TLS or auth: let the client itself report what is wrong
    }
    int port = uri.getPort() < 0 ? 6379 : uri.getPort();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), port), 2_000);
      socket.setSoTimeout(2_000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] answer = in.readNBytes(5);
      String text = new String(answer, StandardCharsets.US_ASCII);
      return text.startsWith("+PONG") ? null : "answered " + text;
    } catch (IOException e) {
      return e.toString();
    }
  }
}

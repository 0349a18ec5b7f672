package dev.parley.benchmarks.coldstart;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The API Gateway Management API on loopback for the warm-invoke benchmark: {@code POST
 * /{stage}/@connections/{id}} answers 200 with no body, as API Gateway does for a live connection,
 * and remembers how many frames came and the last one, so that the benchmark can check its replies
 * arrived. Anything else is answered 404 and counted as refused.
 *
 * <p>A minimal HTTP/1.1 responder on a plain socket (one thread per keep-alive connection, bodies
 * by {@code Content-Length}, which is how the SDK's URL-connection client sends them), not the
 * JDK's {@code com.sun.net.httpserver}: in a trial on this (then busy) machine that server added
 * about 3 ms to every call on a keep-alive connection (about 5 ms per post, against 1.7 ms with
 * this responder and 0.12 ms for the SDK's own work with no HTTP at all), so it would have measured
 * itself rather than the handler.
 */
final class LoopbackConnections implements AutoCloseable {
  private final ServerSocket server;
  private final AtomicLong posts = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicReference<String> lastFrame = new AtomicReference<>();

  LoopbackConnections() {
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the loopback @connections server", e);
    }
    Thread.ofPlatform().daemon().name("connections-accept").start(this::accept);
  }

  /** What API Gateway puts in {@code requestContext.domainName} for this server. */
  String domainName() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  long posts() {
    return posts.get();
  }

  long refused() {
    return refused.get();
  }

  String lastFrame() {
    return lastFrame.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Thread.ofPlatform().daemon().name("connections-serve").start(() -> serve(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      for (String requestLine = line(in); requestLine != null; requestLine = line(in)) {
        int length = 0;
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
          String lower = header.toLowerCase(Locale.ROOT);
          if (lower.startsWith("content-length:")) {
            length = Integer.parseInt(lower.substring("content-length:".length()).strip());
          }
        }
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        boolean post = requestLine.startsWith("POST ") && requestLine.contains("/@connections/");
        if (post) {
          posts.incrementAndGet();
          lastFrame.set(body);
        } else {
          refused.incrementAndGet();
        }
        String status = post ? "200 OK" : "404 Not Found";
        out.write(
            ("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    } catch (IOException | RuntimeException e) {
      // The client closed the connection (or sent something this responder does not speak, which
      // the benchmark notices: its replies stop arriving).
    }
  }

  /** One line without its CRLF, or null at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != -1; c = in.read()) {
      if (c == '\n') {
        return line.toString().strip();
      }
      line.append((char) c);
    }
    return line.isEmpty() ? null : line.toString();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // Nothing to release beyond the socket the benchmark is done with.
    }
  }
}

package dev.parley.benchmarks.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The ceiling of the REST load test: a Jetty 12 core server set up like {@code ChatServer} (a
 * {@link QueuedThreadPool} handing blocking handlers to virtual threads, the same HTTP
 * configuration and idle timeout) whose one handler reads the request body (and drops it) and
 * answers every request with {@value #BODY}. Whatever the chat server does beyond this is the cost
 * of Parley.
 */
final class BareJettyServer {
  static final String BODY = "{\"ok\":true}";

  private static final byte[] BODY_BYTES = BODY.getBytes(StandardCharsets.UTF_8);
  private static final String JSON = "application/json";

  private final Server server;
  private final ServerConnector connector;

  BareJettyServer(String host, int port) {
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("bare-jetty");
    threads.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("bare-vt-"));
    server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setRequestHeaderSize(32 * 1024);
    connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(75_000);
    server.addConnector(connector);
    server.setHandler(new FixedJson());
    server.setStopAtShutdown(false);
  }

  void start() throws Exception {
    server.start();
  }

  int port() {
    return connector.getLocalPort();
  }

  void stop() {
    try {
      server.stop();
    } catch (Exception e) {
      System.err.println("bare server did not stop cleanly: " + e);
    }
  }

  /**
   * Blocking, like the chat server's REST handler (Jetty runs it on a virtual thread): reads the
   * body to its end, then writes the fixed answer.
   */
  private static final class FixedJson extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      try {
        // Read to the end (as the chat server reads a post's body), without copying it.
        Content.Source.consumeAll(request);
      } catch (IOException e) {
        callback.failed(e);
        return true;
      }
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, BODY_BYTES.length);
      response.write(true, ByteBuffer.wrap(BODY_BYTES), callback);
      return true;
    }
  }
}

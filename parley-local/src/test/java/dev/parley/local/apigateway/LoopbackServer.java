package dev.parley.local.apigateway;

import java.net.URI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** One Jetty handler alone on a free loopback port, so a piece is tried over real HTTP. */
final class LoopbackServer implements AutoCloseable {
  private final Server jetty = new Server();
  private final ServerConnector connector = new ServerConnector(jetty);

  private LoopbackServer() {
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
  }

  static LoopbackServer serving(Handler handler) throws Exception {
    LoopbackServer server = new LoopbackServer();
    server.jetty.setHandler(handler);
    server.jetty.start();
    return server;
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + connector.getLocalPort() + pathAndQuery);
  }

  @Override
  public void close() throws Exception {
    jetty.stop();
  }
}

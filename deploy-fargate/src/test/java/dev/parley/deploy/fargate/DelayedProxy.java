package dev.parley.deploy.fargate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy to a real server that hangs up on every connection for a while, then
 * forwards: a database that is not there yet and comes up, without touching the real one.
 */
final class DelayedProxy implements AutoCloseable {
  private final String targetHost;
  private final int targetPort;
  private final long opensAt;
  private final ServerSocket listener;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger refused = new AtomicInteger();
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  DelayedProxy(String targetHost, int targetPort, Duration closedFor) throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.opensAt = System.nanoTime() + closedFor.toNanos();
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::accept);
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Connections hung up on while closed. */
  int refused() {
    return refused.get();
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      if (System.nanoTime() < opensAt) {
        refused.incrementAndGet();
        closeQuietly(client);
      } else {
        threads.execute(() -> forward(client));
      }
    }
  }

  private void forward(Socket client) {
    open.add(client);
    Socket upstream;
    try {
      upstream = new Socket(targetHost, targetPort);
    } catch (IOException e) {
      closeQuietly(client);
      return;
    }
    open.add(upstream);
    threads.execute(() -> pump(client, upstream));
    pump(upstream, client);
  }

  /** Copies one direction until it ends, then ends the pair. */
  private void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // the other side hung up
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private void closeQuietly(Socket socket) {
    open.remove(socket);
    try {
      socket.close();
    } catch (IOException e) {
      // already gone
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    open.forEach(this::closeQuietly);
    threads.shutdownNow();
  }
}

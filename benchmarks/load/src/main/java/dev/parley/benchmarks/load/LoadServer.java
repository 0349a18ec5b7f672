package dev.parley.benchmarks.load;

import dev.parley.adapter.fargate.ChatServer;
import dev.parley.adapter.fargate.FargateServerConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The server side of the load tests, in a JVM of its own (so the drivers' threads, allocations and
 * GC are not the server's): the Parley chat server ({@link LoadServerComponent}) and the bare Jetty
 * ceiling ({@link BareJettyServer}), both on 127.0.0.1.
 *
 * <pre>{@code
 * java -Xms4g -Xmx4g -cp benchmarks/load/target/benchmarks-load.jar \
 *     dev.parley.benchmarks.load.LoadServer --chat-port 18080 --bare-port 18081 > /dev/null &
 * }</pre>
 *
 * <p>Logs go to standard output as JSON lines, at INFO, like the sample deployment (one access-log
 * line per request: a real cost, kept); send them to /dev/null or a file. {@code --logs warn} mutes
 * the access log, to measure what it costs. The server stops on SIGTERM (draining like on ECS), and
 * by itself after {@code --max-seconds}.
 */
public final class LoadServer {
  static final String HOST = "127.0.0.1";
  static final int DEFAULT_CHAT_PORT = 18080;
  static final int DEFAULT_BARE_PORT = 18081;

  private LoadServer() {}

  public static void main(String[] args) throws Exception {
    LoadArgs options =
        LoadArgs.parse(
            args,
            Map.of(
                "chat-port",
                String.valueOf(DEFAULT_CHAT_PORT),
                "bare-port",
                String.valueOf(DEFAULT_BARE_PORT),
                "max-seconds",
                "1800",
                "logs",
                "info"));
    switch (options.string("logs")) {
      case "info" -> LoadLogging.productionLike();
      case "warn" -> LoadLogging.warningsOnly();
      default -> throw new IllegalArgumentException("--logs is info or warn");
    }
    int maxSeconds = options.integer("max-seconds", 1, 6 * 3600);
    FargateServerConfig config =
        new FargateServerConfig(
            HOST, options.integer("chat-port", 0, 65_535), Duration.ofSeconds(5));
    ChatServer chat = LoadServerComponent.create(config).server();
    BareJettyServer bare = new BareJettyServer(HOST, options.integer("bare-port", 0, 65_535));
    chat.start();
    bare.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread stopper =
        new Thread(
            () -> {
              chat.stop();
              bare.stop();
              stopped.countDown();
            },
            "load-server-stop");
    Runtime.getRuntime().addShutdownHook(stopper);
    System.err.printf(
        "load server pid %d: parley %s (WebSocket %s), bare %s; stops after %d s%n",
        ProcessHandle.current().pid(),
        chat.httpUri(),
        chat.webSocketUri(),
        "http://" + HOST + ":" + bare.port(),
        maxSeconds);
    if (!stopped.await(maxSeconds, TimeUnit.SECONDS)) {
      System.err.println("load server: --max-seconds reached, stopping");
      System.exit(0); // runs the shutdown hook
    }
  }
}

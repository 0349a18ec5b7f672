package dev.parley.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * REST post-message throughput and latency against the bare-Jetty ceiling, in one run.
 *
 * <p>{@code --clients} closed-loop clients (64 by default), each a thread with its own user and
 * token, post a 100-character message to one public room (the harder case: every post takes that
 * room's lock) over keep-alive HTTP/1.1 connections, as fast as the answers come back (no think
 * time). Each phase aims them at one target: the bare Jetty handler ({@code --bare}, the ceiling,
 * sent the very same requests) or the chat server ({@code --chat}); a phase is a warm-up followed
 * by a measured window. The targets alternate, ceiling first, for {@code --rounds} rounds.
 *
 * <p>Each client owns one keep-alive connection for the phase. {@code --client raw} (the default)
 * sends over a {@link RawHttpConnection}: a pre-encoded request on a blocking socket, as wrk does.
 * {@code --client jdk} uses {@code java.net.http.HttpClient} (HTTP/1.1, the clients spread over
 * {@code --http-clients} instances); on 2 cores it needs more CPU than the bare server it drives,
 * so it measures itself rather than the ceiling.
 *
 * <p>In the measured window every answer is recorded: latency from just before the request is
 * written to the whole answer read, and whether it was a 2xx (anything else, or no answer within 10
 * s, is an error). Throughput is the 2xx answers completed in the window divided by its length.
 * {@code --targets ceiling} or {@code post-message} runs one target alone (to profile it).
 *
 * <pre>{@code
 * java -Xms1g -Xmx1g -cp benchmarks/load/target/benchmarks-load.jar \
 *     dev.parley.benchmarks.load.RestLoadDriver --server-pid $SERVER_PID
 * }</pre>
 */
public final class RestLoadDriver {
  /** 100 characters, as in the JMH benchmarks: a typical chat line. */
  static final String TEXT =
      "Deploy finished on staging: all 42 checks are green and p99 is back under 120 ms. Ship it at 3pm ok?";

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final long PAUSE_BETWEEN_PHASES_MILLIS = 2_000;

  private final LoadArgs options;
  private final int clients;
  private final Duration warmup;
  private final Duration measure;
  private final List<HttpClient> httpClients = new ArrayList<>();
  private final HostStats host;
  private final boolean rawClient;

  private RestLoadDriver(LoadArgs options) {
    this.options = options;
    this.clients = options.integer("clients", 1, 1024);
    this.warmup = Duration.ofSeconds(options.integer("warmup-seconds", 0, 600));
    this.measure = Duration.ofSeconds(options.integer("measure-seconds", 1, 600));
    this.host = new HostStats(Long.parseLong(options.string("server-pid")));
    this.rawClient =
        switch (options.string("client")) {
          case "raw" -> true;
          case "jdk" -> false;
          default -> throw new IllegalArgumentException("--client is raw or jdk");
        };
    // The raw client needs a JDK client only for the setup requests.
    int instances = rawClient ? 1 : options.integer("http-clients", 1, clients);
    for (int i = 0; i < instances; i++) {
      httpClients.add(ChatSetup.newHttpClient());
    }
  }

  public static void main(String[] args) throws Exception {
    LoadLogging.warningsOnly();
    LoadArgs options =
        LoadArgs.parse(
            args,
            Map.of(
                "chat", "http://" + LoadServer.HOST + ":" + LoadServer.DEFAULT_CHAT_PORT,
                "bare", "http://" + LoadServer.HOST + ":" + LoadServer.DEFAULT_BARE_PORT,
                "clients", "64",
                "client", "raw",
                "http-clients", "4",
                "warmup-seconds", "15",
                "measure-seconds", "30",
                "rounds", "3",
                "targets", "both",
                "server-pid", "0"));
    new RestLoadDriver(options).run(options.integer("rounds", 1, 20));
  }

  /** The outcome of one measured window. */
  record Result(
      String target,
      int round,
      double throughput,
      Latencies.Sorted latencies,
      long errors,
      long warmupErrors,
      double driverCores,
      double serverCores,
      int connections,
      String loadAverage,
      String firstError) {}

  private void run(int rounds) throws Exception {
    System.out.printf(
        "REST load: %s%nstarted %s, load average %s, %d cores, JDK %s%n",
        options, Instant.now(), HostStats.loadAverage(), availableCores(), Runtime.version());
    String chat = options.string("chat");
    String roomId = prepareRoom(chat);
    String path = "/rooms/" + roomId + "/messages";
    System.out.printf("room %s with %d posting members; POST %s%n", roomId, clients, path);
    List<Result> results = new ArrayList<>();
    String targets = options.string("targets");
    if (!List.of("both", "ceiling", "post-message").contains(targets)) {
      throw new IllegalArgumentException("--targets is both, ceiling or post-message");
    }
    for (int round = 1; round <= rounds; round++) {
      if (!targets.equals("post-message")) {
        results.add(phase("ceiling", round, options.string("bare") + path));
      }
      if (!targets.equals("ceiling")) {
        results.add(phase("post-message", round, chat + path));
      }
    }
    report(results);
    for (HttpClient http : httpClients) {
      http.close();
    }
  }

  private String prepareRoom(String chat) throws IOException, InterruptedException {
    ChatSetup setup = new ChatSetup(httpClients.getFirst(), chat);
    String roomId = setup.createPublicRoom("load-owner", "load");
    for (int i = 0; i < clients; i++) {
      setup.join(roomId, user(i));
    }
    return roomId;
  }

  private static String user(int client) {
    return "load-user-" + client;
  }

  /** One warm-up and measured window against {@code uri}. */
  private Result phase(String target, int round, String uri) throws InterruptedException {
    byte[] body =
        ("{\"text\":" + ChatSetup.jsonString(TEXT) + "}").getBytes(StandardCharsets.UTF_8);
    long start = System.nanoTime();
    long measureStart = start + warmup.toNanos();
    long measureEnd = measureStart + measure.toNanos();
    String loadAverage = HostStats.loadAverage();
    List<Client> workers = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      workers.add(new Client(exchange(i, URI.create(uri), body), measureStart, measureEnd));
    }
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < workers.size(); i++) {
      threads.add(Thread.ofPlatform().name("client-" + i).start(workers.get(i)));
    }
    sleepUntil(measureStart);
    HostStats.Sample before = host.sample();
    int connections = HostStats.connectionsTo(URI.create(uri).getPort());
    sleepUntil(measureEnd);
    HostStats.Sample after = host.sample();
    // Answers are due within the request timeout; a client still stuck after that is a bug.
    long joinDeadline = measureEnd + REQUEST_TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(5);
    for (Thread thread : threads) {
      long left = joinDeadline - System.nanoTime();
      if (left <= 0 || !thread.join(Duration.ofNanos(left))) {
        throw new IllegalStateException(thread.getName() + " did not stop");
      }
    }
    List<Latencies> parts = new ArrayList<>();
    long errors = 0;
    long warmupErrors = 0;
    String firstError = null;
    for (Client worker : workers) {
      parts.add(worker.latencies);
      errors += worker.errors;
      warmupErrors += worker.warmupErrors;
      if (firstError == null) {
        firstError = worker.firstError.get();
      }
    }
    Latencies.Sorted sorted = Latencies.merge(parts);
    Result result =
        new Result(
            target,
            round,
            sorted.count() / (measure.toNanos() / 1e9),
            sorted,
            errors,
            warmupErrors,
            after.driverCores(before),
            after.serverCores(before),
            connections,
            loadAverage,
            firstError);
    System.out.println(line(result));
    // A load driver, not a test: a short fixed gap between phases lets the server's GC and
    // closed connections settle, so one phase's tail does not bleed into the next one's numbers.
    Thread.sleep(PAUSE_BETWEEN_PHASES_MILLIS);
    return result;
  }

  /** Client {@code i}'s request: its own user's token, the same body for every client. */
  private Exchange exchange(int i, URI uri, byte[] body) {
    String authorization = "Bearer " + LoadAuth.token(user(i));
    if (rawClient) {
      String[][] headers = {{"Authorization", authorization}, {"Content-Type", "application/json"}};
      RawHttpConnection connection =
          new RawHttpConnection(uri, "POST", headers, body, REQUEST_TIMEOUT);
      return new Exchange() {
        @Override
        public int exchange() throws IOException {
          return connection.exchange();
        }

        @Override
        public void close() {
          connection.close();
        }
      };
    }
    HttpClient http = httpClients.get(i % httpClients.size());
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return () -> http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** One request and its whole answer, over the client's keep-alive connection. */
  private interface Exchange extends AutoCloseable {
    int exchange() throws IOException, InterruptedException;

    @Override
    default void close() {
      // the JDK client keeps its connections in its pool
    }
  }

  private static void sleepUntil(long nanoTime) {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
    }
  }

  /** One closed-loop client: sends, waits for the whole answer, sends again, until the end. */
  private static final class Client implements Runnable {
    final Exchange exchange;
    final long measureStart;
    final long measureEnd;
    final Latencies latencies = new Latencies();
    final AtomicReference<String> firstError = new AtomicReference<>();
    long errors;
    long warmupErrors;

    Client(Exchange exchange, long measureStart, long measureEnd) {
      this.exchange = exchange;
      this.measureStart = measureStart;
      this.measureEnd = measureEnd;
    }

    @Override
    public void run() {
      try (exchange) {
        loop();
      }
    }

    private void loop() {
      // Bounded by time, and by Latencies.MAX_SAMPLES (far beyond what this machine can do).
      while (true) {
        long sent = System.nanoTime();
        if (sent >= measureEnd) {
          return;
        }
        String error = null;
        try {
          int status = exchange.exchange();
          if (status / 100 != 2) {
            error = "HTTP " + status;
          }
        } catch (IOException e) {
          error = e.toString();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        long answered = System.nanoTime();
        boolean measured = answered >= measureStart && answered < measureEnd;
        if (error != null) {
          firstError.compareAndSet(null, error);
          if (measured) {
            errors++;
          } else {
            warmupErrors++;
          }
        } else if (measured && !latencies.add(answered - sent)) {
          return;
        }
      }
    }
  }

  private static String header() {
    return String.format(
        Locale.ROOT,
        "| %-12s | %5s | %9s | %7s | %7s | %7s | %7s | %6s | %11s | %11s | %5s | %14s |",
        "target",
        "round",
        "req/s",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "max ms",
        "errors",
        "driver CPU",
        "server CPU",
        "conns",
        "load avg");
  }

  private static String line(Result r) {
    return String.format(
        Locale.ROOT,
        "| %-12s | %5d | %9.0f | %7.2f | %7.2f | %7.2f | %7.1f | %6d | %5.2f cores | %5.2f cores | %5d | %14s |",
        r.target(),
        r.round(),
        r.throughput(),
        r.latencies().percentileMillis(50),
        r.latencies().percentileMillis(90),
        r.latencies().percentileMillis(99),
        r.latencies().maxMillis(),
        r.errors(),
        r.driverCores(),
        r.serverCores(),
        r.connections(),
        r.loadAverage());
  }

  private void report(List<Result> results) {
    System.out.println();
    System.out.println(header());
    for (Result result : results) {
      System.out.println(line(result));
    }
    Median ceiling = Median.of(results, "ceiling");
    Median post = Median.of(results, "post-message");
    System.out.println(ceiling.line());
    System.out.println(post.line());
    System.out.println();
    if (!options.string("targets").equals("both")) {
      System.out.printf("finished %s, load average %s%n", Instant.now(), HostStats.loadAverage());
      return;
    }
    StringBuilder text = new StringBuilder();
    double[] ratios = new double[results.size() / 2];
    for (int i = 0; i + 1 < results.size(); i += 2) {
      ratios[i / 2] = results.get(i + 1).throughput() / results.get(i).throughput();
      text.append(
          String.format(
              Locale.ROOT, " round %d: %.1f %%;", results.get(i).round(), 100 * ratios[i / 2]));
    }
    double ratio = Median.median(ratios);
    System.out.printf(
        Locale.ROOT,
        "post-message / ceiling, each round against its own ceiling:%s median %.1f %% (target >= 50"
            + " %%): %s; ratio of the medians %.1f %%%n",
        text,
        100 * ratio,
        ratio >= 0.5 ? "PASS" : "FAIL",
        100 * post.throughput / ceiling.throughput);
    long errors = results.stream().mapToLong(r -> r.errors() + r.warmupErrors()).sum();
    System.out.printf(
        "errors (non-2xx or no answer), warm-ups included: %d%s%n",
        errors,
        errors == 0
            ? ""
            : "; first: "
                + results.stream()
                    .map(Result::firstError)
                    .filter(e -> e != null)
                    .findFirst()
                    .orElse("?"));
    System.out.printf("finished %s, load average %s%n", Instant.now(), HostStats.loadAverage());
  }

  /** Per-column medians of one target's rounds. */
  private record Median(
      String target, double throughput, double p50, double p90, double p99, double max) {
    static Median of(List<Result> results, String target) {
      List<Result> mine = results.stream().filter(r -> r.target().equals(target)).toList();
      return new Median(
          target,
          median(mine.stream().mapToDouble(Result::throughput).toArray()),
          median(mine.stream().mapToDouble(r -> r.latencies().percentileMillis(50)).toArray()),
          median(mine.stream().mapToDouble(r -> r.latencies().percentileMillis(90)).toArray()),
          median(mine.stream().mapToDouble(r -> r.latencies().percentileMillis(99)).toArray()),
          median(mine.stream().mapToDouble(r -> r.latencies().maxMillis()).toArray()));
    }

    String line() {
      return String.format(
          Locale.ROOT,
          "| %-12s | %5s | %9.0f | %7.2f | %7.2f | %7.2f | %7.1f |",
          target,
          "med.",
          throughput,
          p50,
          p90,
          p99,
          max);
    }

    static double median(double[] values) {
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      int n = sorted.length;
      if (n == 0) {
        return Double.NaN;
      }
      return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
  }

  private static int availableCores() {
    return Runtime.getRuntime().availableProcessors();
  }
}

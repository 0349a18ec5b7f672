package dev.parley.benchmarks.load;

import dev.parley.application.config.ChatSettings;
import dev.parley.deploy.lambda.LambdaInMemoryComponent;
import dev.parley.local.apigateway.LambdaLocal;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where handing an event to the fan-out function starts to pay on Lambda: the REST post to a room
 * of N subscribed WebSockets, through the local API Gateway emulator on the in-memory store, with
 * every event posted in the request ({@code direct}: threshold {@link Integer#MAX_VALUE}) and with
 * every event handed to the fan-out function by an asynchronous invocation of the emulator's Invoke
 * API ({@code off-path}: threshold 0), for each N of {@code --sizes}.
 *
 * <p>For each size and mode a fresh stack, N {@link RawWebSockets} (one user each) subscribed to a
 * public room, {@code --warmup} posts, then {@code --posts} measured ones, one at a time: each
 * waits until every connection has the event before the next is sent, so that a fan-out still
 * running never slows the next post. Reported per size and mode, medians and 90th percentiles of
 * the post's answer (what the poster waits for, and what API Gateway's 29 s bound applies to) and
 * of the last delivery (what the room waits for), both from the moment the post was sent. The modes
 * alternate per size, direct first.
 *
 * <pre>{@code
 * java -cp benchmarks/load/target/benchmarks-load.jar dev.parley.benchmarks.load.LambdaFanOutBenchmark
 * }</pre>
 */
public final class LambdaFanOutBenchmark {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String POSTED = "\"event\":\"message.posted\"";
  private static final String MARKER = "fanout-seq-";
  private static final int JVM_WARMUP_SIZE = 100;
  private static final int JVM_WARMUP_POSTS = 50;

  private final HttpClient http = ChatSetup.newHttpClient();

  private LambdaFanOutBenchmark() {}

  public static void main(String[] args) throws Exception {
    LoadArgs options =
        LoadArgs.parse(args, Map.of("sizes", "10,50,100,200,500", "posts", "30", "warmup", "5"));
    LoadLogging.warningsOnly();
    int posts = options.integer("posts", 1, 10_000);
    int warmup = options.integer("warmup", 0, 10_000);
    List<Integer> sizes =
        Arrays.stream(options.string("sizes").split(","))
            .map(s -> Integer.parseInt(s.strip()))
            .toList();
    LambdaFanOutBenchmark benchmark = new LambdaFanOutBenchmark();
    // One JVM runs every size and mode: a round that is thrown away first, so that the first sizes
    // measured do not run on colder code than the last.
    for (Mode mode : Mode.values()) {
      benchmark.run(mode, JVM_WARMUP_SIZE, 0, JVM_WARMUP_POSTS);
    }
    System.out.println(
        "| connections | mode | post answered p50 / p90 (ms) | last delivery p50 / p90 (ms) |");
    System.out.println("|---|---|---|---|");
    for (int size : sizes) {
      for (Mode mode : Mode.values()) {
        Result result = benchmark.run(mode, size, warmup, posts);
        System.out.printf(
            Locale.ROOT,
            "| %,d | %s | %.1f / %.1f | %.1f / %.1f |%n",
            size,
            mode.label,
            result.answered().percentile(50),
            result.answered().percentile(90),
            result.delivered().percentile(50),
            result.delivered().percentile(90));
      }
    }
  }

  private enum Mode {
    DIRECT("direct", Integer.MAX_VALUE),
    OFF_PATH("off-path", 0);

    final String label;
    final int threshold;

    Mode(String label, int threshold) {
      this.label = label;
      this.threshold = threshold;
    }
  }

  /** Milliseconds, sorted. */
  private record Millis(double[] sorted) {
    static Millis of(List<Long> nanos) {
      return new Millis(nanos.stream().mapToDouble(n -> n / 1e6).sorted().toArray());
    }

    double percentile(int p) {
      int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
  }

  private record Result(Millis answered, Millis delivered) {}

  /** One post in flight: its send time, and the last arrival of its event so far. */
  private static final class Post {
    final long sentAt;
    final CountDownLatch arrivals;
    final AtomicLong lastArrival = new AtomicLong();

    Post(long sentAt, int audience) {
      this.sentAt = sentAt;
      this.arrivals = new CountDownLatch(audience);
    }

    void arrived(long at) {
      lastArrival.accumulateAndGet(at, Math::max);
      arrivals.countDown();
    }
  }

  private Result run(Mode mode, int size, int warmup, int posts) throws Exception {
    try (LambdaLocal<LambdaInMemoryComponent> stack =
            LambdaLocal.start(
                "127.0.0.1",
                0,
                mode.threshold,
                lambda ->
                    LambdaInMemoryComponent.create(
                        lambda, LoadAuth.settings(), ChatSettings.withoutUserLimits()));
        RawWebSockets sockets = new RawWebSockets()) {
      URI base = stack.emulator().httpUri();
      String room =
          new ChatSetup(http, base.toString()).createPublicRoom("fan-owner", "fan-out " + size);
      Post[] current = new Post[1];
      subscribe(sockets, stack.emulator().webSocketUri(), room, size, current);
      List<Long> answered = new ArrayList<>();
      List<Long> delivered = new ArrayList<>();
      for (int i = 0; i < warmup + posts; i++) {
        Post post = new Post(System.nanoTime(), size);
        current[0] = post;
        int status = post(base, room, MARKER + i);
        long answer = System.nanoTime();
        if (status != 201) {
          throw new IllegalStateException("post " + i + " answered " + status);
        }
        if (!post.arrivals.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          throw new IllegalStateException(
              post.arrivals.getCount() + " of " + size + " never got post " + i);
        }
        if (i >= warmup) {
          answered.add(answer - post.sentAt);
          delivered.add(post.lastArrival.get() - post.sentAt);
        }
      }
      return new Result(Millis.of(answered), Millis.of(delivered));
    }
  }

  /** Opens {@code size} connections, one user each, and subscribes each to the room. */
  private static void subscribe(
      RawWebSockets sockets, URI uri, String room, int size, Post[] current) throws IOException {
    CountDownLatch acks = new CountDownLatch(size);
    RawWebSockets.Handler handler =
        new RawWebSockets.Handler() {
          @Override
          public void onOpen(RawWebSockets.Connection connection) {}

          @Override
          public void onText(RawWebSockets.Connection connection, String text, long at) {
            if (text.contains(POSTED) && text.contains(MARKER)) {
              current[0].arrived(at);
            } else if (text.contains("\"requestId\":\"subscribe\"")) {
              acks.countDown();
            }
          }

          @Override
          public void onClose(RawWebSockets.Connection connection, int code, String reason) {}

          @Override
          public void onError(RawWebSockets.Connection connection, Throwable error) {
            System.err.println("a connection failed: " + error);
          }
        };
    String subscribe =
        "{\"action\":\"subscribe\",\"requestId\":\"subscribe\",\"rooms\":[{\"roomId\":"
            + ChatSetup.jsonString(room)
            + "}]}";
    for (int i = 0; i < size; i++) {
      RawWebSockets.Connection connection =
          sockets.connect(uri, "Bearer " + LoadAuth.token("fan-" + i), TIMEOUT, handler);
      connection.sendText(subscribe);
    }
    try {
      if (!acks.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException(acks.getCount() + " subscriptions were not acknowledged");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private int post(URI base, String room, String text) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/rooms/" + room + "/messages"))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + LoadAuth.token("fan-owner"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"text\":" + ChatSetup.jsonString(text) + "}", StandardCharsets.UTF_8))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}

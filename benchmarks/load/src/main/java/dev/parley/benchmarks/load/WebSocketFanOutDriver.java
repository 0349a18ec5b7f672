package dev.parley.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * WebSocket fan-out: {@code --connections} WebSockets (1,000 by default, one user each) subscribed
 * to one public room, and a poster sending {@code --rate} messages per second (20) to that room
 * over REST, on a fixed schedule (open loop: a slow answer never delays the next post).
 *
 * <p>Each message's text carries its sequence number in the run and the {@link System#nanoTime()}
 * at which it was due to be sent; receivers live in this JVM, so on every {@code message.posted}
 * event frame the post-to-delivery latency is the receive time minus that send time: the REST call,
 * the post use case, the fan-out by the server, the network and this client's receive path. The
 * scheduled time, not the actual one, is used, so a late poster counts against the result.
 *
 * <p>Every connection pings every {@code --ping-seconds} (30, as the protocol asks; without it the
 * server stops delivering after 90 s), staggered over the interval. Posts of the warm-up are not
 * counted; after the last post the driver waits for outstanding deliveries, at most 10 s, then
 * counts every (connection, post) pair of the measured window that never arrived as lost.
 *
 * <p>The receiving clients are {@link RawWebSockets} (one selector thread for all connections) by
 * default; {@code --client jdk} uses {@code java.net.http.WebSocket} instead, which spends several
 * times the CPU per message on this machine's shared cores.
 *
 * <pre>{@code
 * java -Xms1g -Xmx1g -cp benchmarks/load/target/benchmarks-load.jar \
 *     dev.parley.benchmarks.load.WebSocketFanOutDriver --server-pid $SERVER_PID
 * }</pre>
 */
public final class WebSocketFanOutDriver {
  private static final String MARKER = "fanout seq=";
  private static final String SENT = " sent=";
  private static final String POSTED = "\"event\":\"message.posted\"";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration DELIVERY_GRACE = Duration.ofSeconds(10);
  private static final double TARGET_P99_MILLIS = 50;

  private final LoadArgs options;
  private final int connections;
  private final int rate;
  private final int warmupPosts;
  private final int totalPosts;
  private final Duration pingInterval;
  private final List<HttpClient> httpClients = new ArrayList<>();
  private final List<Receiver> receivers = new ArrayList<>();
  private final HostStats host;
  private final String chat;

  /** The raw clients' selector, or null with {@code --client jdk}. */
  private final RawWebSockets raw;

  /** True until the run is over: pings go out, and a close by the server is a failure. */
  private volatile boolean pinging = true;

  private WebSocketFanOutDriver(LoadArgs options) throws IOException {
    this.options = options;
    this.connections = options.integer("connections", 1, 10_000);
    this.rate = options.integer("rate", 1, 1_000);
    this.warmupPosts = options.integer("warmup-seconds", 0, 600) * rate;
    this.totalPosts = warmupPosts + options.integer("measure-seconds", 1, 600) * rate;
    this.pingInterval = Duration.ofSeconds(options.integer("ping-seconds", 1, 85));
    int instances = options.integer("http-clients", 1, connections);
    for (int i = 0; i < instances; i++) {
      httpClients.add(ChatSetup.newHttpClient());
    }
    this.host = new HostStats(Long.parseLong(options.string("server-pid")));
    this.chat = options.string("chat");
    this.raw =
        switch (options.string("client")) {
          case "raw" -> new RawWebSockets();
          case "jdk" -> null;
          default -> throw new IllegalArgumentException("--client is raw or jdk");
        };
  }

  public static void main(String[] args) throws Exception {
    LoadLogging.warningsOnly();
    LoadArgs options =
        LoadArgs.parse(
            args,
            Map.of(
                "chat", "http://" + LoadServer.HOST + ":" + LoadServer.DEFAULT_CHAT_PORT,
                "connections", "1000",
                "rate", "20",
                "warmup-seconds", "15",
                "measure-seconds", "60",
                "ping-seconds", "30",
                "http-clients", "4",
                "connect-parallelism", "32",
                "client", "raw",
                "server-pid", "0"));
    new WebSocketFanOutDriver(options).run();
  }

  private void run() throws Exception {
    System.out.printf(
        "WebSocket fan-out: %s%nstarted %s, load average %s, %d cores, JDK %s%n",
        options,
        Instant.now(),
        HostStats.loadAverage(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());
    ChatSetup setup = new ChatSetup(httpClients.getFirst(), chat);
    String roomId = setup.createPublicRoom("fanout-owner", "fanout");
    setup.join(roomId, "fanout-poster");
    for (int i = 0; i < connections; i++) {
      setup.join(roomId, "fanout-user-" + i);
    }
    long connectStart = System.nanoTime();
    connectAll(roomId, options.integer("connect-parallelism", 1, 1_000));
    System.out.printf(
        "room %s: %d connections open and subscribed in %.1f s%n",
        roomId, connections, (System.nanoTime() - connectStart) / 1e9);
    // Presence events of the connects are still fanning out; let them settle.
    Thread.sleep(3_000);
    long framesBefore = otherFrames();

    Thread pinger = Thread.ofPlatform().name("pinger").start(this::pingLoop);
    Poster poster = new Poster(roomId);
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
    long measureStart = start + poster.interval * warmupPosts;
    long lastPost = start + poster.interval * (totalPosts - 1);
    String loadAverage = HostStats.loadAverage();
    Thread posting = Thread.ofPlatform().name("poster").start(() -> poster.run(start));
    Hiccups hiccups = new Hiccups(measureStart, lastPost + poster.interval);
    Thread hiccupMeter = Thread.ofPlatform().name("hiccups").start(hiccups);
    sleepUntil(measureStart);
    HostStats.Sample before = host.sample();
    int openConnections = HostStats.connectionsTo(URI.create(chat).getPort());
    sleepUntil(lastPost + poster.interval);
    HostStats.Sample after = host.sample();
    posting.join(Duration.ofSeconds(30));
    hiccupMeter.join(Duration.ofSeconds(5));
    long expected = (long) connections * (totalPosts - warmupPosts);
    long graceEnd = System.nanoTime() + DELIVERY_GRACE.toNanos();
    while (measuredDeliveries() < expected && System.nanoTime() < graceEnd) {
      // Polls a counter that receiver threads update, bounded by the grace deadline.
      Thread.sleep(50);
    }
    pinging = false;
    pinger.join(Duration.ofSeconds(5));
    report(
        poster,
        hiccups.result(),
        before,
        after,
        loadAverage,
        openConnections,
        otherFrames() - framesBefore);
    closeAll();
  }

  private void connectAll(String roomId, int parallelism) throws InterruptedException {
    Semaphore permits = new Semaphore(parallelism);
    CountDownLatch subscribed = new CountDownLatch(connections);
    long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
    for (int i = 0; i < connections; i++) {
      if (!permits.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
        throw new IllegalStateException("connecting took longer than " + CONNECT_TIMEOUT);
      }
      Receiver receiver = new Receiver(i, roomId, totalPosts, subscribed, permits);
      receivers.add(receiver);
      String authorization = "Bearer " + LoadAuth.token("fanout-user-" + i);
      URI endpoint = URI.create(chat.replaceFirst("^http", "ws") + "/ws");
      if (raw != null) {
        try {
          raw.connect(endpoint, authorization, ChatSetup.TIMEOUT, receiver);
        } catch (IOException e) {
          receiver.fail("connect: " + e);
          permits.release();
        }
        continue;
      }
      httpClients
          .get(i % httpClients.size())
          .newWebSocketBuilder()
          .connectTimeout(ChatSetup.TIMEOUT)
          .header("Authorization", authorization)
          .buildAsync(endpoint, receiver)
          .whenComplete(
              (socket, failure) -> {
                if (failure != null) {
                  receiver.fail("connect: " + failure);
                  permits.release();
                }
              });
    }
    if (!subscribed.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
      throw new IllegalStateException(
          "only "
              + (connections - subscribed.getCount())
              + " of "
              + connections
              + " connections subscribed within "
              + CONNECT_TIMEOUT
              + "; first failure: "
              + firstFailure());
    }
    String failure = firstFailure();
    if (failure != null) {
      throw new IllegalStateException("a connection failed: " + failure);
    }
  }

  /** Each connection pings once per interval; the pings are spread evenly over it. */
  private void pingLoop() {
    long step = pingInterval.toNanos() / connections;
    long next = System.nanoTime() + step;
    int index = 0;
    // Bounded: the run ends within warm-up + measure + grace, far below this many steps.
    for (long sent = 0; pinging && sent < 100_000_000L; sent++) {
      sleepUntil(next);
      next += step;
      receivers.get(index).ping();
      index = (index + 1) % connections;
    }
  }

  /** Posts on a fixed schedule, each asynchronously, so a slow answer never delays the next. */
  private final class Poster {
    final long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    final URI uri;
    final String authorization = "Bearer " + LoadAuth.token("fanout-poster");
    final long[] answerNanos = new long[totalPosts];
    final AtomicInteger failed = new AtomicInteger();
    final AtomicReference<String> firstFailure = new AtomicReference<>();
    final AtomicLong maxLateNanos = new AtomicLong();
    final List<CompletableFuture<?>> inFlight = new ArrayList<>();

    Poster(String roomId) {
      this.uri = URI.create(chat + "/rooms/" + roomId + "/messages");
    }

    void run(long start) {
      HttpClient http = httpClients.getFirst();
      for (int seq = 0; seq < totalPosts; seq++) {
        long due = start + interval * seq;
        sleepUntil(due);
        maxLateNanos.accumulateAndGet(System.nanoTime() - due, Math::max);
        String text = String.format(Locale.ROOT, "%s%d%s%d %s", MARKER, seq, SENT, due, "x");
        text = text + " ".repeat(Math.max(0, 100 - text.length() - 1)) + ".";
        HttpRequest request =
            HttpRequest.newBuilder(uri)
                .timeout(ChatSetup.TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"text\":" + ChatSetup.jsonString(text) + "}", StandardCharsets.UTF_8))
                .build();
        int index = seq;
        inFlight.add(
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .whenComplete(
                    (response, failure) -> {
                      answerNanos[index] = System.nanoTime() - due;
                      String problem =
                          failure != null
                              ? failure.toString()
                              : response.statusCode() != 201
                                  ? "HTTP " + response.statusCode()
                                  : null;
                      if (problem != null) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, "post " + index + ": " + problem);
                      }
                    }));
      }
      try {
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
            .get(ChatSetup.TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
      } catch (Exception e) {
        firstFailure.compareAndSet(null, "waiting for the last posts: " + e);
      }
    }
  }

  /**
   * One subscribed connection: records the latency of each post it receives, by sequence. It
   * listens either to a {@code java.net.http.WebSocket} or to a {@link RawWebSockets} connection.
   */
  private final class Receiver implements WebSocket.Listener, RawWebSockets.Handler {
    final int index;
    final String roomId;
    final CountDownLatch subscribed;
    final Semaphore permits;

    /** Receive latency by post sequence, -1 until it arrives. */
    final long[] latency;

    final StringBuilder partial = new StringBuilder();
    volatile WebSocket socket;
    volatile RawWebSockets.Connection rawSocket;
    volatile String failure;
    volatile boolean ready;
    volatile int closeCode = -1;

    /**
     * Deliveries of measured posts; written (volatile) after {@link #latency}, so a reader that
     * reads it first sees the latencies recorded before.
     */
    volatile int measuredDelivered;

    int duplicates;
    int outOfOrder;
    int highest = -1;
    long otherFrames;
    int pingFailures;

    Receiver(int index, String roomId, int posts, CountDownLatch subscribed, Semaphore permits) {
      this.index = index;
      this.roomId = roomId;
      this.subscribed = subscribed;
      this.permits = permits;
      this.latency = new long[posts];
      Arrays.fill(latency, -1);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      socket = webSocket;
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      long received = System.nanoTime();
      partial.append(data);
      if (last) {
        String frame = partial.toString();
        partial.setLength(0);
        frame(frame, received);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public void onOpen(RawWebSockets.Connection connection) {
      rawSocket = connection;
    }

    @Override
    public void onText(RawWebSockets.Connection connection, String text, long receivedNanos) {
      frame(text, receivedNanos);
    }

    @Override
    public void onClose(RawWebSockets.Connection connection, int statusCode, String reason) {
      closed(statusCode, reason);
    }

    @Override
    public void onError(RawWebSockets.Connection connection, Throwable error) {
      fail(error.toString());
    }

    /** Sends a text frame on whichever client this receiver listens to. */
    private void sendText(String text) throws IOException {
      RawWebSockets.Connection connection = rawSocket;
      if (connection != null) {
        connection.sendText(text);
      } else {
        socket.sendText(text, true);
      }
    }

    private void frame(String frame, long received) {
      if (frame.contains(POSTED)) {
        int at = frame.indexOf(MARKER);
        if (at >= 0) {
          int seqStart = at + MARKER.length();
          int seqEnd = frame.indexOf(SENT, seqStart);
          int sentStart = seqEnd + SENT.length();
          int sentEnd = frame.indexOf(' ', sentStart);
          int seq = Integer.parseInt(frame, seqStart, seqEnd, 10);
          long sent = Long.parseLong(frame, sentStart, sentEnd, 10);
          if (latency[seq] >= 0) {
            duplicates++;
          } else {
            latency[seq] = received - sent;
            if (seq >= warmupPosts) {
              measuredDelivered = measuredDelivered + 1; // only this listener writes it
            }
          }
          if (seq < highest) {
            outOfOrder++;
          }
          highest = Math.max(highest, seq);
          return;
        }
      }
      if (!ready) {
        if (frame.contains("\"type\":\"hello\"")) {
          try {
            sendText(
                "{\"action\":\"subscribe\",\"requestId\":\"s\",\"rooms\":[{\"roomId\":\""
                    + roomId
                    + "\"}]}");
          } catch (IOException | RuntimeException e) {
            fail("subscribe: " + e);
            permits.release();
          }
          return;
        }
        if (frame.contains("\"type\":\"ack\"")) {
          if (frame.contains("\"subscribed\":true")) {
            ready = true;
            subscribed.countDown();
            permits.release();
          } else {
            fail("subscribe refused: " + frame);
            permits.release();
          }
          return;
        }
      }
      otherFrames++;
    }

    void ping() {
      if (!ready) {
        return;
      }
      try {
        sendText("{\"action\":\"ping\",\"requestId\":\"p\"}");
      } catch (IOException | IllegalStateException e) {
        pingFailures++; // a send still pending (jdk): impossible at one ping per 30 s
      }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed(statusCode, reason);
      return null;
    }

    private void closed(int statusCode, String reason) {
      closeCode = statusCode;
      if (pinging) {
        fail("closed by the server: " + statusCode + " " + reason);
      }
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      fail(error.toString());
    }

    void fail(String why) {
      if (failure == null) {
        failure = "connection " + index + ": " + why;
      }
    }
  }

  private String firstFailure() {
    for (Receiver receiver : receivers) {
      if (receiver.failure != null) {
        return receiver.failure;
      }
    }
    return null;
  }

  private long measuredDeliveries() {
    long delivered = 0;
    for (Receiver receiver : receivers) {
      delivered += receiver.measuredDelivered;
    }
    return delivered;
  }

  private long otherFrames() {
    long frames = 0;
    for (Receiver receiver : receivers) {
      frames += receiver.otherFrames;
    }
    return frames;
  }

  private void report(
      Poster poster,
      Latencies.Sorted hiccups,
      HostStats.Sample before,
      HostStats.Sample after,
      String loadAverage,
      int openConnections,
      long otherFrames) {
    int measuredPosts = totalPosts - warmupPosts;
    long expected = (long) connections * measuredPosts;
    long[] all = new long[(int) Math.min(Integer.MAX_VALUE - 8, expected)];
    long[] lastDelivery = new long[measuredPosts];
    int delivered = 0;
    long duplicates = 0;
    long outOfOrder = 0;
    int failedConnections = 0;
    for (Receiver receiver : receivers) {
      if (receiver.measuredDelivered < 0) {
        throw new AssertionError(); // the volatile read that publishes the latencies
      }
      for (int seq = warmupPosts; seq < totalPosts; seq++) {
        long nanos = receiver.latency[seq];
        if (nanos >= 0) {
          all[delivered++] = nanos;
          lastDelivery[seq - warmupPosts] = Math.max(lastDelivery[seq - warmupPosts], nanos);
        }
      }
      duplicates += receiver.duplicates;
      outOfOrder += receiver.outOfOrder;
      if (receiver.failure != null) {
        failedConnections++;
      }
    }
    Latencies.Sorted deliveries = Latencies.Sorted.of(Arrays.copyOf(all, delivered));
    Latencies.Sorted lastOfPost = Latencies.Sorted.of(lastDelivery);
    Latencies.Sorted answers =
        Latencies.Sorted.of(Arrays.copyOfRange(poster.answerNanos, warmupPosts, totalPosts));
    double p99 = deliveries.percentileMillis(99);
    boolean complete = delivered == expected;
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "measured: %d posts at %d/s to %d connections (%d TCP connections open to the server);"
            + " load average at start %s%n",
        measuredPosts,
        rate,
        connections,
        openConnections,
        loadAverage);
    System.out.printf(
        Locale.ROOT,
        "post-to-delivery (every delivery): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms,"
            + " max %.2f ms, mean %.2f ms%n",
        deliveries.percentileMillis(50),
        deliveries.percentileMillis(90),
        p99,
        deliveries.percentileMillis(99.9),
        deliveries.maxMillis(),
        deliveries.meanMillis());
    System.out.printf(
        Locale.ROOT,
        "post-to-last-delivery (per post, all %d got it): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        connections,
        lastOfPost.percentileMillis(50),
        lastOfPost.percentileMillis(99),
        lastOfPost.maxMillis());
    System.out.printf(
        Locale.ROOT,
        "REST post answer (poster): p50 %.2f ms, p99 %.2f ms, max %.2f ms; failed posts %d%s;"
            + " poster max lateness %.2f ms%n",
        answers.percentileMillis(50),
        answers.percentileMillis(99),
        answers.maxMillis(),
        poster.failed.get(),
        poster.firstFailure.get() == null ? "" : " (" + poster.firstFailure.get() + ")",
        poster.maxLateNanos.get() / 1e6);
    System.out.printf(
        Locale.ROOT,
        "deliveries: %d of %d expected, lost %d, duplicates %d, out of order %d; connections"
            + " failed %d%s; other frames during the run %d (pongs etc.)%n",
        delivered,
        expected,
        expected - delivered,
        duplicates,
        outOfOrder,
        failedConnections,
        failedConnections == 0 ? "" : " (" + firstFailure() + ")",
        otherFrames);
    System.out.printf(
        Locale.ROOT,
        "CPU in the measured window: driver %.2f cores, server %.2f cores%n",
        after.driverCores(before),
        after.serverCores(before));
    System.out.printf(
        Locale.ROOT,
        "driver stalls (1 ms sleep overshoot): p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
        hiccups.percentileMillis(99),
        hiccups.percentileMillis(99.9),
        hiccups.maxMillis());
    System.out.printf(
        Locale.ROOT,
        "p99 post-to-delivery %.2f ms (target < %.0f ms, no loss): %s%n",
        p99,
        TARGET_P99_MILLIS,
        p99 < TARGET_P99_MILLIS && complete ? "PASS" : "FAIL");
    System.out.printf("finished %s, load average %s%n", Instant.now(), HostStats.loadAverage());
  }

  private void closeAll() throws InterruptedException, IOException {
    if (raw != null) {
      for (Receiver receiver : receivers) {
        RawWebSockets.Connection connection = receiver.rawSocket;
        if (connection != null && connection.isOpen()) {
          try {
            connection.sendClose(WebSocket.NORMAL_CLOSURE, "done");
          } catch (IOException e) {
            System.err.println("a WebSocket did not close cleanly: " + e);
          }
        }
      }
      raw.close();
    }
    List<CompletableFuture<?>> closing = new ArrayList<>();
    for (Receiver receiver : receivers) {
      WebSocket socket = receiver.socket;
      if (socket != null && !socket.isOutputClosed()) {
        closing.add(socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
      }
    }
    try {
      CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("not every WebSocket closed cleanly: " + e);
    }
    for (HttpClient http : httpClients) {
      http.shutdownNow();
    }
  }

  private static void sleepUntil(long nanoTime) {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
    }
  }
}

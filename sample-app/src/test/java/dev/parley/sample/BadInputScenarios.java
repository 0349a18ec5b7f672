package dev.parley.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The bad-input suite: malformed REST requests across every operation of docs/openapi.yaml and
 * hostile WebSocket frames, generated from a fixed seed, against a running server; then a valid
 * chat, to show the server survived. Each test collects every broken rule and fails once, at the
 * end, with all of them grouped. {@code -Dparley.fuzz.requests}, {@code -Dparley.fuzz.frames} and
 * {@code -Dparley.fuzz.seed} run a larger or different batch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class BadInputScenarios {
  static final long SEED = Long.getLong("parley.fuzz.seed", 20261207L);
  static final int REQUESTS = Integer.getInteger("parley.fuzz.requests", 5_000);
  static final int FRAMES = Integer.getInteger("parley.fuzz.frames", 1_000);

  /** Enough to keep the server busy, few enough to leave the machine's other work some room. */
  private static final int CLIENTS = 4;

  private static final Duration GRACE = Duration.ofMillis(200);

  private BadInputFixture fixture;
  private BadInputFindings restFindings;
  private BadInputFindings frameFindings;

  protected abstract URI httpBase();

  protected abstract URI webSocketUri();

  /** Whether 4xx answers may be API Gateway's own {@code {"message": ...}} JSON. */
  protected abstract boolean gatewayFormatAllowed();

  /** Whether a new WebSocket is greeted with a hello frame (Fargate) or not (Lambda). */
  protected abstract boolean sendsHelloFrame();

  /** A short name for the figures file. */
  protected abstract String targetName();

  /** Starts the server under test when the subclass owns it rather than an extension. */
  protected void startServer() throws Exception {}

  protected void stopServer() {}

  @BeforeAll
  void createRooms() throws Exception {
    startServer();
    fixture = BadInputSetup.create(new ChatHttpClient(httpBase()), ChatEndToEndScenarios.SECRET);
    restFindings = new BadInputFindings(gatewayFormatAllowed());
    frameFindings = new BadInputFindings(gatewayFormatAllowed());
  }

  @AfterAll
  void writeFigures() throws IOException {
    stopServer();
    Path file = Path.of("target", "bad-input", targetName() + ".txt");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file, "REST: " + restFindings.report() + "\nWebSocket: " + frameFindings.report());
  }

  @Test
  @Order(1)
  void malformedRequestsAreRefusedWithProblemsNeverServerErrors() throws Exception {
    List<OpenApiRoutes.Operation> operations = OpenApiRoutes.load();
    MalformedRequests generator = new MalformedRequests(SEED, operations, fixture);
    RawHttp http = new RawHttp(httpBase());
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        MalformedRequests.FuzzRequest request = generator.next();
        sent.add(clients.submit(() -> send(http, request)));
      }
      for (Future<?> future : sent) {
        future.get();
      }
    } finally {
      clients.shutdown();
      clients.awaitTermination(1, TimeUnit.MINUTES);
    }
    if (!restFindings.clean()) {
      fail("malformed requests broke the rules:\n" + restFindings.report());
    }
  }

  private void send(RawHttp http, MalformedRequests.FuzzRequest request) {
    try {
      byte[] head =
          RawHttp.head(request.method(), request.target(), request.version(), request.headers());
      restFindings.answered(request, http.send(head, request.body()));
    } catch (IOException | RuntimeException e) {
      restFindings.unanswered(request, e);
    }
  }

  @Test
  @Order(2)
  void hostileFramesAreAnsweredWithErrorFramesNeverServerErrors() throws Exception {
    HostileFrames generator =
        new HostileFrames(SEED, fixture.pathValue("roomId"), fixture.strangerRoom());
    String token = fixture.tokens().values().iterator().next();
    FrameSocket socket = FrameSocket.connect(webSocketUri(), token);
    for (int i = 0; i < FRAMES; i++) {
      HostileFrames.Frame frame = generator.next();
      if (socket.closed().isDone()) {
        socket = FrameSocket.connect(webSocketUri(), token);
      }
      try {
        boolean cutOff = sendAllowingRefusal(socket, frame);
        if (frame.oversized()) {
          expectTooBigClose(socket, frame, cutOff);
          socket = FrameSocket.connect(webSocketUri(), token);
        } else {
          frameFindings.frameSent(answersBeforeProbe(socket, frame, "probe-" + i));
        }
      } catch (Exception e) {
        frameFindings.fail("send failed | " + frame.kind(), frame.describe() + "\n      -> " + e);
        socket.abort();
        socket = FrameSocket.connect(webSocketUri(), token);
      }
    }
    socket.abort();
    if (!frameFindings.clean()) {
      fail("hostile frames broke the rules:\n" + frameFindings.report());
    }
  }

  /**
   * Sends the frame; a server that closes the connection before an oversized frame is all written
   * has refused it, which {@link #expectTooBigClose} then checks.
   *
   * @return whether the write of an oversized frame was cut off by the server closing
   */
  private static boolean sendAllowingRefusal(FrameSocket socket, HostileFrames.Frame frame)
      throws Exception {
    try {
      socket.send(frame);
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      if (!frame.oversized()) {
        throw e;
      }
      return true;
    }
  }

  /**
   * An oversized frame must be refused: the server closes with 1009. The server closes the TCP
   * connection right after its close frame, while the client may still be writing the frame: the
   * client's write then fails, or the reset that answers its late bytes discards the close frame
   * before the JDK's client reads it (seen in about one run of ten). A connection the server ended
   * that way has refused the frame too; one the server kept open has not.
   */
  private void expectTooBigClose(FrameSocket socket, HostileFrames.Frame frame, boolean cutOff)
      throws Exception {
    int code;
    String seen;
    try {
      code = socket.closed().get(FrameSocket.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      seen = "close " + code;
    } catch (java.util.concurrent.TimeoutException e) {
      code = -1;
      seen = "still open after " + FrameSocket.TIMEOUT;
    } catch (java.util.concurrent.ExecutionException e) {
      code = cutOff || e.getCause() instanceof IOException ? 1009 : -1;
      seen = "connection failed: " + e.getCause();
    }
    frameFindings.frameSent(code == 1009 ? 1 : 0);
    if (code != 1009) {
      frameFindings.fail(
          "oversized frame not closed with 1009 | " + code,
          frame.describe() + "\n      -> " + seen);
    }
    socket.abort();
  }

  /**
   * Sends a ping after the frame and counts the answers that come before its pong: every frame gets
   * exactly one, so zero means the frame went unanswered.
   */
  private int answersBeforeProbe(FrameSocket socket, HostileFrames.Frame frame, String probe)
      throws Exception {
    socket.sendText("{\"action\":\"ping\",\"requestId\":\"" + probe + "\"}");
    int answers = 0;
    boolean probed = false;
    long deadline = System.nanoTime() + FrameSocket.TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Duration wait = probed ? GRACE : Duration.ofNanos(deadline - System.nanoTime());
      String text = socket.poll(wait);
      if (text == null) {
        break;
      }
      JsonNode json = BadInputFindings.parse(text);
      if (json != null && probe.equals(json.path("requestId").asText(null))) {
        probed = true;
        if (answers > 0) {
          break;
        }
        continue;
      }
      if (json != null && List.of("event", "hello").contains(json.path("type").asText())) {
        continue;
      }
      answers++;
      checkAnswer(frame, text, json);
      if (probed) {
        break;
      }
    }
    if (!probed) {
      frameFindings.fail("probe ping unanswered | " + frame.kind(), frame.describe());
    }
    if (answers != 1) {
      frameFindings.fail(
          (answers == 0 ? "frame unanswered" : "more than one answer") + " | " + frame.kind(),
          frame.describe());
    }
    return answers;
  }

  private void checkAnswer(HostileFrames.Frame frame, String text, JsonNode json) {
    String sample = frame.describe() + "\n      -> " + shorten(text);
    if (json == null || !List.of("ack", "pong", "error").contains(json.path("type").asText())) {
      frameFindings.fail("answer is no ack, pong or error frame | " + frame.kind(), sample);
      return;
    }
    if (json.path("type").asText().equals("error")) {
      JsonNode problem = json.path("problem");
      if (problem.path("status").asInt(500) >= 500) {
        frameFindings.fail(
            "5xx problem | " + problem.path("status") + " | " + frame.kind(), sample);
      }
      if (!problem.path("type").asText().startsWith("https://parley.dev/problems/")) {
        frameFindings.fail("error frame without a problem type | " + frame.kind(), sample);
      }
    }
    if (BadInputFindings.leaks(text)) {
      frameFindings.fail("class name or stack trace in frame | " + frame.kind(), sample);
    }
  }

  @Test
  @Order(3)
  void theServerStillAnswersAValidChatAfterwards() throws Exception {
    ChatHttpClient api = new ChatHttpClient(httpBase());
    String alice = "after-alice-" + SEED;
    String bob = "after-bob-" + SEED;
    String aliceToken = TestTokens.valid(ChatEndToEndScenarios.SECRET, alice);
    Reply room =
        api.post(
            "/rooms",
            aliceToken,
            Map.of("name", "after", "type", "public", "invite", List.of(bob)));
    assertThat(room.status()).as("%s", room).isEqualTo(201);
    String roomId = room.json().path("id").asText();
    ChatSocket socket =
        ChatSocket.connect(
            webSocketUri(), TestTokens.valid(ChatEndToEndScenarios.SECRET, bob), sendsHelloFrame());
    try {
      assertThat(socket.subscribe(roomId, 0L).path("type").asText()).isEqualTo("ack");
      Map<String, Object> message = new LinkedHashMap<>();
      message.put("text", "still here");
      message.put("clientMessageId", "after-1");
      Reply posted = api.post("/rooms/" + roomId + "/messages", aliceToken, message);
      assertThat(posted.status()).as("%s", posted).isEqualTo(201);
      JsonNode event =
          socket.awaitEvent(
              "message.posted",
              e -> e.toString().contains("still here"),
              "the message posted after the bad input");
      assertThat(event.toString()).contains(roomId);
    } finally {
      socket.abort();
    }
  }

  private static String shorten(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}

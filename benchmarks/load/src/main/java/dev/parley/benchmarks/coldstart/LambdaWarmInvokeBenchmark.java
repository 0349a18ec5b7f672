package dev.parley.benchmarks.coldstart;

import ch.qos.logback.classic.Logger;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.parley.adapter.lambda.HttpApiHandler;
import dev.parley.adapter.lambda.LambdaConfig;
import dev.parley.adapter.lambda.WebSocketHandler;
import dev.parley.application.config.ChatSettings;
import dev.parley.benchmarks.coldstart.probe.ProbeContext;
import dev.parley.benchmarks.coldstart.probe.ProbeEvents;
import dev.parley.deploy.lambda.LambdaInMemoryComponent;
import dev.parley.protocol.auth.JwtSettings;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A warm invoke of the Lambda handlers on the in-memory store: one post-message event through the
 * handler, in an environment that has handled events before (the counterpart of the cold start).
 *
 * <ul>
 *   <li>{@code httpPostMessage}: an HTTP API (payload 2.0) {@code POST /rooms/{id}/messages} event
 *       through {@link HttpApiHandler}, the user vouched for by a JWT authorizer ({@code sub}):
 *       event mapping, routing, the JSON body, validation, the post and its use case, the JSON
 *       answer and the response object. The room (public, alice owns it, bob joined; bob posts) has
 *       no WebSocket subscriber, so no frame is posted to {@code @connections}: this is the
 *       handler's own overhead.
 *   <li>{@code webSocketPostMessage}: the same post as a {@code postMessage} frame of bob's
 *       connection through {@link WebSocketHandler}, which posts its ack frame to the connection
 *       through the Management API, as on Lambda: the time includes that SDK call (signing, a
 *       keep-alive HTTP request) to a loopback stand-in ({@link LoopbackConnections}) answering at
 *       once on another thread, where API Gateway is a network round trip away.
 * </ul>
 *
 * <p>The component is {@link LambdaInMemoryComponent} created with {@link
 * ChatSettings#withoutUserLimits()}: the per-user rate limits raised out of the way, as in the
 * other benchmarks (still taken on every post). Each iteration starts from a fresh component, so
 * the store holds one iteration's posts at most. The events are built once and handed to the
 * handler on every call: Lambda's own deserialization of the event JSON is not part of the time.
 * Every answer's status is checked.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
@State(Scope.Thread)
public class LambdaWarmInvokeBenchmark {
  private static final String SECRET = "parley-warm-invoke-benchmark-secret-0123456789";
  private static final String CONNECTION = "bob-connection=";

  private LoopbackConnections connections;
  private HttpApiHandler http;
  private WebSocketHandler webSocket;
  private APIGatewayV2HTTPEvent httpPost;
  private APIGatewayV2WebSocketEvent framePost;
  private Context context;
  private long postsAtStart;

  @Setup(Level.Trial)
  public void startConnections() {
    // The Lambda jar logs at INFO (slf4j-simple); without a logback.xml logback would log the
    // SDK's and Hibernate Validator's DEBUG lines, inside the measured calls.
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.INFO);
    connections = new LoopbackConnections();
    context = ProbeContext.of("warm-invoke");
  }

  @TearDown(Level.Trial)
  public void stopConnections() {
    connections.close();
  }

  @Setup(Level.Iteration)
  public void freshEnvironment() {
    LambdaInMemoryComponent runtime =
        LambdaInMemoryComponent.create(
            new LambdaConfig(
                null,
                "http",
                "us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")),
                LambdaConfig.DEFAULT_MAX_CONCURRENT_POSTS,
                LambdaConfig.DEFAULT_MAX_ATTEMPTS,
                LambdaConfig.DEFAULT_BACKOFF_BASE),
            JwtSettings.hs256(SECRET, null, null),
            ChatSettings.withoutUserLimits());
    http = new HttpApiHandler(runtime);
    webSocket = new WebSocketHandler(runtime);

    String roomId =
        ProbeEvents.roomId(
            expect(201, http("POST", "/rooms", ProbeEvents.CREATE_ROOM_BODY, "alice")).getBody());
    expect(200, http("POST", "/rooms/" + roomId + "/members", "{\"userId\":\"bob\"}", "alice"));
    APIGatewayV2WebSocketEvent connect = ProbeEvents.connect(CONNECTION, "bob", "connect");
    connect.getRequestContext().setDomainName(connections.domainName());
    check(webSocket.handleRequest(connect, context).getStatusCode() == 200, "$connect is 200");

    httpPost =
        ProbeEvents.http(
            "POST",
            "/rooms/" + roomId + "/messages",
            ProbeEvents.POST_MESSAGE_BODY,
            "bob",
            null,
            "post");
    framePost =
        ProbeEvents.message(
            "postMessage",
            CONNECTION,
            "bob",
            "frame",
            connections.domainName(),
            "{\"action\":\"postMessage\",\"requestId\":\"r1\",\"roomId\":\""
                + roomId
                + "\",\"text\":\""
                + ProbeEvents.TEXT
                + "\"}");
    // One of each before measuring, checked end to end: the ack frame must reach @connections.
    expect(201, http.handleRequest(httpPost, context));
    long before = connections.posts();
    check(webSocket.handleRequest(framePost, context).getStatusCode() == 200, "frame is 200");
    check(
        connections.posts() == before + 1 && connections.lastFrame().contains("\"ack\""),
        "the ack of a postMessage frame is posted to @connections: " + connections.lastFrame());
    postsAtStart = connections.posts();
  }

  @TearDown(Level.Iteration)
  public void checkIteration() {
    check(connections.refused() == 0, "every @connections call was a post to a connection");
    String last = connections.lastFrame();
    check(
        connections.posts() == postsAtStart || last.contains("\"ack\""),
        "the last frame posted is an ack: " + last);
  }

  @Benchmark
  public APIGatewayV2HTTPResponse httpPostMessage() {
    APIGatewayV2HTTPResponse response = http.handleRequest(httpPost, context);
    if (response.getStatusCode() != 201) {
      throw new IllegalStateException("post answered " + response.getStatusCode());
    }
    return response;
  }

  @Benchmark
  public APIGatewayV2WebSocketResponse webSocketPostMessage() {
    APIGatewayV2WebSocketResponse response = webSocket.handleRequest(framePost, context);
    if (response.getStatusCode() != 200) {
      throw new IllegalStateException("frame answered " + response.getStatusCode());
    }
    return response;
  }

  private APIGatewayV2HTTPResponse http(String method, String path, String body, String user) {
    return http.handleRequest(ProbeEvents.http(method, path, body, user, null, "setup"), context);
  }

  private static APIGatewayV2HTTPResponse expect(int status, APIGatewayV2HTTPResponse response) {
    check(
        response.getStatusCode() == status,
        "expected " + status + ", got " + response.getStatusCode() + ": " + response.getBody());
    return response;
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("benchmark setup is broken: " + what);
    }
  }
}

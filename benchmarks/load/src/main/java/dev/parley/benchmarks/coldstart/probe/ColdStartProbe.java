package dev.parley.benchmarks.coldstart.probe;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.parley.adapter.lambda.LambdaRuntime;
import dev.parley.adapter.lambda.SnapStartPriming;
import java.lang.reflect.Field;

/**
 * One cold start of a Lambda function, in a JVM of its own whose classpath is this probe and the
 * deployment jar (nothing else): loads the handler class named by {@code --handler} and builds it
 * with its no-argument constructor, as the Lambda runtime does with a {@code Handler:} line (which
 * builds the deployment's component in the handler's static holder), then hands it one event and
 * stamps each phase (see {@link Stamps}).
 *
 * <ul>
 *   <li>{@code --event post} (an HTTP API handler): {@code POST /rooms} creates a public room
 *       (stamp {@value #CREATE_ROOM}: the first response of the JVM), then {@code POST
 *       /rooms/{id}/messages} posts a 100-character message into it (stamp {@value #POST_MESSAGE}).
 *       The room has to exist and a fresh in-memory store has none, so every store does the same
 *       two requests and the driver reports both stamps.
 *   <li>{@code --event connect} (a WebSocket handler): one {@code $connect} as API Gateway sends it
 *       after the REQUEST authorizer allowed the user (stamp {@value #CONNECT}).
 * </ul>
 *
 * <p>Stamps before them: {@code main} (first statement), {@value #HANDLER_CLASS} (the handler class
 * is loaded and initialised; the component is not built yet) and {@value #HANDLER_BUILT} (the
 * constructor returned: the component is built). With {@code --prime true} the probe then runs
 * {@link SnapStartPriming#prime} on the handler's runtime, the work the holder registered for
 * Lambda to run before it takes a SnapStart snapshot, and stamps {@value #PRIMED}: the time from
 * there to the response is what is left of the first request once a snapshot has it primed (the
 * restore itself cannot be measured here).
 *
 * <p>Identity: the user ({@code --user}, default alice) is the {@code sub} of a JWT authorizer, or
 * with {@code --bearer TOKEN} (whose {@code sub} must be that user) the handler verifies the token
 * itself (against {@code CHAT_JWT_JWKS_URL}). A status other than the expected one exits with
 * status 1 after printing the answer; the driver fails the run.
 */
public final class ColdStartProbe {
  public static final String HANDLER_CLASS = "handler-class";
  public static final String HANDLER_BUILT = "handler-built";
  public static final String PRIMED = "primed";
  public static final String CREATE_ROOM = "create-room";
  public static final String POST_MESSAGE = "post-message";
  public static final String CONNECT = "connect";

  private ColdStartProbe() {}

  public static void main(String[] args) throws Exception {
    Stamps stamps = new Stamps(System.nanoTime());
    String handlerClass = null;
    String event = null;
    String bearer = null;
    String runId = "0";
    String user = "alice";
    boolean prime = false;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--handler" -> handlerClass = args[i + 1];
        case "--event" -> event = args[i + 1];
        case "--bearer" -> bearer = args[i + 1];
        case "--run-id" -> runId = args[i + 1];
        case "--user" -> user = args[i + 1];
        case "--prime" -> prime = Boolean.parseBoolean(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (handlerClass == null || event == null || args.length % 2 != 0) {
      throw new IllegalArgumentException(
          "usage: ColdStartProbe --handler CLASS --event post|connect [--bearer TOKEN]"
              + " [--run-id ID] [--user USER] [--prime true]");
    }

    Class<?> type = Class.forName(handlerClass);
    stamps.stamp(HANDLER_CLASS);
    Object handler = type.getDeclaredConstructor().newInstance();
    stamps.stamp(HANDLER_BUILT);
    if (prime) {
      new SnapStartPriming(runtimeOf(handler)).prime();
      stamps.stamp(PRIMED);
    }

    boolean ok =
        switch (event) {
          case "post" -> post(asHttp(handler), user, bearer, runId, stamps);
          case "connect" -> connect(asWebSocket(handler), user, runId, stamps);
          default -> throw new IllegalArgumentException("--event is post or connect");
        };
    stamps.print();
    // Exit at once, as a function's environment is frozen after its answer: no non-daemon thread
    // of a client library may keep the JVM up, and the driver's "exit" time stays comparable.
    System.exit(ok ? 0 : 1);
  }

  private static boolean post(
      RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
      String user,
      String bearer,
      String runId,
      Stamps stamps) {
    APIGatewayV2HTTPResponse created =
        handler.handleRequest(
            ProbeEvents.http(
                "POST", "/rooms", ProbeEvents.CREATE_ROOM_BODY, user, bearer, runId + "-room"),
            ProbeContext.of(runId + "-room"));
    stamps.stamp(CREATE_ROOM);
    stamps.status(CREATE_ROOM, created.getStatusCode());
    if (created.getStatusCode() != 201) {
      return failed(CREATE_ROOM, created.getStatusCode(), created.getBody());
    }
    String path = "/rooms/" + ProbeEvents.roomId(created.getBody()) + "/messages";
    APIGatewayV2HTTPResponse posted =
        handler.handleRequest(
            ProbeEvents.http(
                "POST", path, ProbeEvents.POST_MESSAGE_BODY, user, bearer, runId + "-post"),
            ProbeContext.of(runId + "-post"));
    stamps.stamp(POST_MESSAGE);
    stamps.status(POST_MESSAGE, posted.getStatusCode());
    if (posted.getStatusCode() != 201) {
      return failed(POST_MESSAGE, posted.getStatusCode(), posted.getBody());
    }
    return true;
  }

  private static boolean connect(
      RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> handler,
      String user,
      String runId,
      Stamps stamps) {
    APIGatewayV2WebSocketResponse response =
        handler.handleRequest(
            ProbeEvents.connect("coldstart-" + runId + "=", user, runId + "-connect"),
            ProbeContext.of(runId + "-connect"));
    stamps.stamp(CONNECT);
    stamps.status(CONNECT, response.getStatusCode());
    if (response.getStatusCode() != 200) {
      return failed(CONNECT, response.getStatusCode(), response.getBody());
    }
    return true;
  }

  /**
   * The runtime the handler was built with. A JVM without CRaC drops the resources registered with
   * the global context (calling its {@code beforeCheckpoint} throws), so the priming the holder
   * registered cannot be triggered the way Lambda triggers it; the probe primes the very same
   * runtime instead, found by type among the handler's fields (benchmark-only reflection: the
   * handlers rightly do not expose it).
   */
  private static LambdaRuntime runtimeOf(Object handler) throws IllegalAccessException {
    for (Class<?> type = handler.getClass(); type != null; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (LambdaRuntime.class.isAssignableFrom(field.getType())) {
          field.setAccessible(true);
          return (LambdaRuntime) field.get(handler);
        }
      }
    }
    throw new IllegalArgumentException(handler.getClass() + " holds no LambdaRuntime to prime");
  }

  private static boolean failed(String what, int status, String body) {
    System.out.println("coldstart.failed " + what + " answered " + status + ": " + body);
    return false;
  }

  // The Lambda runtime, too, calls the handler through its RequestHandler interface with the
  // event type the handler declares. The cast is unchecked (erased): a --handler of the wrong kind
  // fails at its first call, with a ClassCastException from the handler's bridge method.
  @SuppressWarnings("unchecked")
  private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> asHttp(
      Object handler) {
    return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handler;
  }

  @SuppressWarnings("unchecked")
  private static RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>
      asWebSocket(Object handler) {
    return (RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>) handler;
  }
}

package dev.parley.deploy.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.adapter.lambda.ConnectAuthorizerHandler;
import dev.parley.adapter.lambda.FanOutBatch;
import dev.parley.adapter.lambda.FanOutHandler;
import dev.parley.adapter.lambda.FanOutReport;
import dev.parley.adapter.lambda.HttpApiHandler;
import dev.parley.adapter.lambda.SnapStartPriming;
import dev.parley.adapter.lambda.WebSocketHandler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs in a JVM of its own with nothing on the class path but the Lambda jar and this class, in the
 * environment template.yaml gives the functions (LambdaArtifactRequestsIT starts it). Creates each
 * handler of the template as the Lambda runtime does, through its public no-argument constructor,
 * primes a runtime as SnapStart does, then plays a short session through the handlers and checks
 * every answer. A class the jar lacks fails here as it would on Lambda. Exits with 0 when every
 * answer is the expected one.
 *
 * <p>Arguments: a token for {@link #USER}, then the template's handler classes and WebSocket route
 * keys, each list comma-separated. Replies to WebSocket frames go to the Management API; the IT
 * checks those.
 */
final class LambdaArtifactProbe {
  static final String USER = "alice";
  static final String CONNECTION = "probe-connection-1";

  /** The frame the probe hands the fan-out function. */
  static final String FANOUT_FRAME = "{\"type\":\"event\",\"event\":\"probe.fanout\"}";

  /** The routes in the order of a session; a template route missing here fails the probe. */
  static final List<String> SESSION =
      List.of(
          "$connect",
          "sayHello",
          "subscribe",
          "typing",
          "postMessage",
          "editMessage",
          "addReaction",
          "removeReaction",
          "markRead",
          "markUnread",
          "deleteMessage",
          "ping",
          "$default",
          "unsubscribe",
          "$disconnect");

  private static final ObjectMapper JSON = new ObjectMapper();

  private LambdaArtifactProbe() {}

  public static void main(String[] args) {
    try {
      run(args[0], List.of(args[1].split(",")), List.of(args[2].split(",")));
      System.exit(0);
    } catch (Throwable e) {
      // Errors included: a NoClassDefFoundError is what this probe is for.
      e.printStackTrace(System.out);
      System.exit(1);
    }
  }

  /** The requestId of the frame sent on {@code route}, for finding its reply. */
  static String requestId(String route) {
    return "probe-" + route;
  }

  private static void run(String token, List<String> handlerClasses, List<String> routes)
      throws Exception {
    ConnectAuthorizerHandler authorizer = null;
    HttpApiHandler http = null;
    WebSocketHandler webSocket = null;
    FanOutHandler fanOut = null;
    for (String name : handlerClasses) {
      Object handler = Class.forName(name).getConstructor().newInstance();
      switch (handler) {
        case ConnectAuthorizerHandler a -> authorizer = a;
        case HttpApiHandler h -> http = h;
        case WebSocketHandler w -> webSocket = w;
        case FanOutHandler f -> fanOut = f;
        default -> throw new AssertionError("no probe for " + name);
      }
      report("created " + name);
    }
    Objects.requireNonNull(authorizer, "the template deploys no $connect authorizer");
    Objects.requireNonNull(http, "the template deploys no HTTP API handler");
    Objects.requireNonNull(webSocket, "the template deploys no WebSocket handler");
    Objects.requireNonNull(fanOut, "the template deploys no fan-out function");

    new SnapStartPriming(LambdaDynamoDbComponent.fromEnvironment()).prime();
    report("primed a runtime as SnapStart does");

    authorize(authorizer, token);
    String[] roomAndMessage = restSession(http, token);
    webSocketSession(webSocket, roomAndMessage[0], roomAndMessage[1], routes);
    fanOut(fanOut);
  }

  /** Hands the fan-out function a batch of one connection, as the request functions do. */
  private static void fanOut(FanOutHandler fanOut) {
    FanOutBatch batch =
        new FanOutBatch(
            System.getenv("PARLEY_WEBSOCKET_ENDPOINT"), FANOUT_FRAME, List.of(CONNECTION));
    FanOutReport report = fanOut.handleRequest(batch, null);
    expect(String.valueOf(report.getPosted()), "1", "posts of the fan-out batch");
    report("fan-out: 1 connection -> posted");
  }

  private static void authorize(ConnectAuthorizerHandler authorizer, String token) {
    expect(effect(authorizer.handleRequest(handshake(Map.of()), null)), "Deny", "no token");
    IamPolicyResponse allowed = authorizer.handleRequest(handshake(Map.of("token", token)), null);
    expect(effect(allowed), "Allow", "a valid token");
    expect(allowed.getPrincipalId(), USER, "the principal");
    report("authorizer: Deny without a token, Allow for " + USER);
  }

  /**
   * Creates a room, posts to it over REST and reads the history back; returns the ids of the room
   * and of the message.
   */
  private static String[] restSession(HttpApiHandler http, String token) throws Exception {
    call(http, "GET", "/rooms", null, null, 401);
    String created =
        call(http, "POST", "/rooms", token, "{\"name\":\"probe\",\"type\":\"public\"}", 201);
    String room = JSON.readTree(created).path("id").asText();
    String messages = "/rooms/" + room + "/messages";
    String posted = call(http, "POST", messages, token, "{\"text\":\"hello from the jar\"}", 201);
    String history = call(http, "GET", messages, token, null, 200);
    if (!history.contains("hello from the jar")) {
      throw new AssertionError("the history lacks the message posted: " + history);
    }
    return new String[] {room, JSON.readTree(posted).path("id").asText()};
  }

  /** Sends one request to the HTTP API handler; returns the body of the expected status. */
  private static String call(
      HttpApiHandler http, String method, String path, String token, String body, int status) {
    APIGatewayV2HTTPResponse response =
        http.handleRequest(httpEvent(method, path, token, body), null);
    String what = method + " " + path + (token == null ? " without a token" : "");
    expect(
        String.valueOf(response.getStatusCode()),
        String.valueOf(status),
        what + " (" + response.getBody() + ")");
    report("http: " + what + " -> " + status);
    return response.getBody();
  }

  private static void webSocketSession(
      WebSocketHandler handler, String room, String message, List<String> routes) throws Exception {
    for (String route : routes) {
      if (!SESSION.contains(route)) {
        throw new AssertionError("no frame for the template's route " + route + " in SESSION");
      }
    }
    for (String route : SESSION) {
      if (routes.contains(route)) {
        int status =
            handler
                .handleRequest(webSocketEvent(route, frame(route, room, message)), null)
                .getStatusCode();
        expect(String.valueOf(status), "200", "WebSocket " + route);
        report("websocket: " + route + " -> " + status);
      }
    }
  }

  /** What a client sends on each route; null for the routes without a body. */
  private static String frame(String route, String room, String message) throws Exception {
    Map<String, Object> frame = new HashMap<>();
    frame.put("action", route);
    frame.put("requestId", requestId(route));
    switch (route) {
      case "$connect", "$disconnect" -> {
        return null;
      }
      case "$default" -> frame.put("action", "shout");
      case "subscribe" -> frame.put("rooms", List.of(Map.of("roomId", room)));
      case "unsubscribe" -> frame.put("roomIds", List.of(room));
      case "typing" -> frame.putAll(Map.of("roomId", room, "typing", true));
      case "postMessage" -> frame.putAll(Map.of("roomId", room, "text", "hello over the socket"));
      case "markRead" -> frame.putAll(Map.of("roomId", room, "sequence", 1));
      case "markUnread" -> frame.putAll(Map.of("roomId", room, "sequence", 1));
      case "editMessage" ->
          frame.putAll(Map.of("roomId", room, "messageId", message, "text", "edited in the jar"));
      case "deleteMessage" -> frame.putAll(Map.of("roomId", room, "messageId", message));
      case "addReaction", "removeReaction" ->
          frame.putAll(Map.of("roomId", room, "messageId", message, "emoji", "👍"));
      case "ping" -> frame.put("active", true);
      case "sayHello" -> {
        // The action carries nothing beyond its name and request id.
      }
      default -> throw new AssertionError("no frame for " + route);
    }
    return JSON.writeValueAsString(frame);
  }

  private static APIGatewayCustomAuthorizerEvent handshake(Map<String, String> query) {
    APIGatewayCustomAuthorizerEvent event = new APIGatewayCustomAuthorizerEvent();
    event.setType("REQUEST");
    event.setMethodArn("arn:aws:execute-api:us-east-1:000000000000:probe/live/$connect");
    event.setHeaders(Map.of("Host", "probe.execute-api.us-east-1.amazonaws.com"));
    event.setQueryStringParameters(query.isEmpty() ? null : query);
    return event;
  }

  private static APIGatewayV2HTTPEvent httpEvent(
      String method, String path, String token, String body) {
    var http = new APIGatewayV2HTTPEvent.RequestContext.Http();
    http.setMethod(method);
    http.setPath(path);
    var context = new APIGatewayV2HTTPEvent.RequestContext();
    context.setHttp(http);
    context.setRouteKey("$default");
    context.setStage("$default");
    context.setRequestId("probe-" + method + path);
    Map<String, String> headers = new HashMap<>(Map.of("content-type", "application/json"));
    if (token != null) {
      headers.put("authorization", "Bearer " + token);
    }
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setVersion("2.0");
    event.setRouteKey("$default");
    event.setRawPath(path);
    event.setRawQueryString("");
    event.setHeaders(headers);
    event.setRequestContext(context);
    event.setBody(body);
    event.setIsBase64Encoded(false);
    return event;
  }

  /** An event as API Gateway sends it, with the $connect authorizer's context on every route. */
  private static APIGatewayV2WebSocketEvent webSocketEvent(String route, String body) {
    var context = new APIGatewayV2WebSocketEvent.RequestContext();
    context.setRouteKey(route);
    context.setEventType(
        switch (route) {
          case "$connect" -> "CONNECT";
          case "$disconnect" -> "DISCONNECT";
          default -> "MESSAGE";
        });
    context.setConnectionId(CONNECTION);
    context.setRequestId(requestId(route));
    // PARLEY_WEBSOCKET_ENDPOINT, which points at the IT's loopback Management API, wins over these.
    context.setDomainName("probe.execute-api.us-east-1.amazonaws.com");
    context.setStage("live");
    context.setAuthorizer(Map.of("userId", USER, "principalId", USER));
    APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
    event.setRequestContext(context);
    event.setBody(body);
    event.setIsBase64Encoded(false);
    return event;
  }

  private static String effect(IamPolicyResponse policy) {
    return JSON.valueToTree(policy)
        .path("policyDocument")
        .path("Statement")
        .path(0)
        .path("Effect")
        .asText();
  }

  private static void expect(String actual, String expected, String what) {
    if (!expected.equals(actual)) {
      throw new AssertionError(what + ": expected " + expected + " but was " + actual);
    }
  }

  private static void report(String line) {
    System.out.println("probe: " + line);
  }
}

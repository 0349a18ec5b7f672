package dev.parley.local.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.adapter.lambda.ConnectAuthorizerHandler;
import dev.parley.adapter.lambda.HttpApiHandler;
import dev.parley.adapter.lambda.WebSocketHandler;
import dev.parley.protocol.ws.WebSocketApi;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for API Gateway in front of the Lambda handlers, for a laptop and for the
 * end-to-end tests: one loopback HTTP server that speaks both APIs of a Parley deployment and
 * invokes the handlers in-process, with the events API Gateway would send.
 *
 * <ul>
 *   <li><b>HTTP API</b> (stage {@code $default}): every request except those below becomes an
 *       {@link APIGatewayV2HTTPEvent} (payload 2.0: {@code rawPath}, {@code rawQueryString},
 *       lower-cased {@code headers} with repeated values joined by commas, {@code cookies}, {@code
 *       requestContext.http}) for {@link HttpApiHandler}; the body is passed as text when it is
 *       valid UTF-8, else base64-encoded with {@code isBase64Encoded}. Bodies over Lambda's 6 MB
 *       invocation limit are refused with 413 without invoking the function.
 *   <li><b>WebSocket API</b> (stage {@value #STAGE}, so clients connect to {@code ws://host:port/}
 *       {@value #STAGE}): the handshake first runs the REQUEST authorizer ({@link
 *       ConnectAuthorizerHandler}); a Deny is a 403 and the function is not invoked. Then {@code
 *       $connect} runs with the authorizer's {@code principalId} and context in {@code
 *       requestContext.authorizer}; a non-2xx answer refuses the upgrade with that status, a {@code
 *       Sec-WebSocket-Protocol} header in the answer is the accepted subprotocol. Each text frame
 *       is routed on {@code $request.body.action} (one of {@link #routes()}, else {@code $default})
 *       with the authorizer context again; a close (by either side) is {@code $disconnect}. Frames
 *       over 128 KB close the connection with 1009, as API Gateway does.
 *   <li><b>Management API</b> at {@code http://host:port/}{@value #STAGE}{@code /@connections/{id}}
 *       (the endpoint the handlers derive from the events' {@code domainName} and {@code stage}):
 *       {@code POST} sends the body to that WebSocket as a text frame, {@code DELETE} closes it,
 *       {@code GET} describes it; an unknown id is 410 {@code GoneException}, as the AWS SDK
 *       expects. Like API Gateway, a connection can be posted to only once {@code $connect} has
 *       returned. Requests are not signature-checked.
 * </ul>
 *
 * <p>Differences from AWS worth knowing: handlers run in this JVM, one "execution environment" for
 * every function; frames of one connection are handled one at a time, in order; no throttling, no
 * idle or two-hour limits. {@link #vanish} drops a connection without {@code $disconnect}, as when
 * API Gateway misses one.
 */
public final class ApiGatewayEmulator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayEmulator.class);

  /** The WebSocket API's stage: the WebSocket path, and the prefix of the Management API. */
  public static final String STAGE = "ws";

  /** Lambda's synchronous invocation payload limit; API Gateway's own (10 MB) is higher. */
  static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

  static final String API_ID = "local";
  static final String ACCOUNT_ID = "000000000000";
  static final String REGION = "local";

  private static final String CONNECTIONS_PREFIX = "/" + STAGE + "/@connections/";
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

  /** How long {@link #close()} waits for the {@code $disconnect} of the connections it closes. */
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

  /** The functions behind the APIs. */
  private record Functions(
      HttpApiHandler http, WebSocketHandler webSocket, ConnectAuthorizerHandler authorizer) {}

  private final Server jetty;
  private final ServerConnector connector;
  private final ConcurrentHashMap<String, LocalConnection> connections = new ConcurrentHashMap<>();

  /** Every connection whose {@code $disconnect} has not finished yet, postable or not. */
  private final Set<LocalConnection> unfinished = ConcurrentHashMap.newKeySet();

  private volatile Functions functions;

  private ApiGatewayEmulator(String host, int port) {
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("lambda-local");
    threads.setVirtualThreadsExecutor(
        VirtualThreads.getNamedVirtualThreadsExecutor("lambda-local"));
    jetty = new Server(threads);
    connector = new ServerConnector(jetty);
    connector.setHost(host);
    connector.setPort(port);
    jetty.addConnector(connector);
    WebSocketUpgradeHandler upgrades =
        WebSocketUpgradeHandler.from(
            jetty,
            container -> {
              container.setMaxTextMessageSize(WebSocketApi.MAX_FRAME_BYTES);
              container.setMaxBinaryMessageSize(WebSocketApi.MAX_FRAME_BYTES);
              container.setIdleTimeout(Duration.ofMinutes(10));
              container.addMapping("/" + STAGE, this::upgrade);
            });
    upgrades.setHandler(new HttpHandler());
    jetty.setHandler(upgrades);
  }

  /**
   * Starts listening; requests are answered with 503 until {@link #attach} names the functions.
   * Starting first lets the functions be configured with this emulator's {@link
   * #connectionsEndpoint()} (port 0 picks a free port).
   */
  public static ApiGatewayEmulator start(String host, int port) throws Exception {
    ApiGatewayEmulator emulator = new ApiGatewayEmulator(host, port);
    emulator.jetty.start();
    return emulator;
  }

  /** Puts the functions behind the APIs. */
  public ApiGatewayEmulator attach(
      HttpApiHandler http, WebSocketHandler webSocket, ConnectAuthorizerHandler authorizer) {
    functions = new Functions(http, webSocket, authorizer);
    return this;
  }

  /**
   * The routes of the WebSocket API besides {@code $connect}, {@code $disconnect}, {@code
   * $default}.
   */
  public static List<String> routes() {
    return WebSocketApi.ACTIONS;
  }

  public int port() {
    return connector.getLocalPort();
  }

  /** The HTTP API's base URL, such as {@code http://127.0.0.1:3000}. */
  public URI httpUri() {
    return URI.create("http://" + domainName());
  }

  /** The WebSocket API's URL, such as {@code ws://127.0.0.1:3000/ws}. */
  public URI webSocketUri() {
    return URI.create("ws://" + domainName() + "/" + STAGE);
  }

  /**
   * The Management API endpoint (without {@code /@connections}), for the SDK's endpoint override.
   */
  public URI connectionsEndpoint() {
    return URI.create("http://" + domainName() + "/" + STAGE);
  }

  /** The ids of the open connections. */
  public Set<String> connectionIds() {
    return Set.copyOf(connections.keySet());
  }

  /**
   * Drops a connection without invoking {@code $disconnect}, as when API Gateway misses one: its
   * TCP connection is closed abruptly and posts to it are 410 from now on.
   *
   * @return whether the connection was open
   */
  public boolean vanish(String connectionId) {
    LocalConnection connection = connections.remove(connectionId);
    if (connection == null) {
      return false;
    }
    connection.vanished.set(true);
    // No $disconnect will run for it, so there is nothing for close() to wait for.
    connection.finish();
    connection.session().disconnect();
    return true;
  }

  /** Blocks until the server has stopped. */
  public void join() throws InterruptedException {
    jetty.join();
  }

  /**
   * Closes every connection with 1001 and waits (ten seconds at most) until their {@code
   * $disconnect} invocations have returned, then stops the server. Waiting matters: the owner
   * releases what the functions use (the DynamoDB client) right after this returns, and Jetty's own
   * stop would close the sockets without waiting for their listeners.
   */
  @Override
  public void close() {
    List<CompletableFuture<Void>> finishing = new java.util.ArrayList<>();
    for (LocalConnection connection : unfinished) {
      finishing.add(connection.finished);
      Session session = connection.session();
      if (session != null) {
        session.close(
            StatusCode.SHUTDOWN,
            "the emulator is stopping",
            org.eclipse.jetty.websocket.api.Callback.NOOP);
      }
    }
    try {
      CompletableFuture.allOf(finishing.toArray(CompletableFuture[]::new))
          .get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("{} connections had not disconnected when the emulator stopped", unfinished.size());
    }
    try {
      jetty.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("the emulator did not stop cleanly", e);
    }
  }

  private String domainName() {
    String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
    if (host.equals("0.0.0.0")) {
      host = "127.0.0.1";
    }
    return host + ":" + port();
  }

  // --- WebSocket API ----------------------------------------------------------------------------

  /**
   * One WebSocket connection; registered (postable) once {@code $connect} has returned. Public only
   * because Jetty binds the listener methods through method handles.
   */
  public static final class LocalConnection implements Session.Listener.AutoDemanding {
    private final ApiGatewayEmulator gateway;
    private final String id;
    private final Map<String, Object> authorizer;
    private final long connectedAt = System.currentTimeMillis();
    private final AtomicBoolean vanished = new AtomicBoolean();
    private final AtomicBoolean disconnected = new AtomicBoolean();

    /** Completes once {@code $disconnect} has returned, or was skipped (a vanished connection). */
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    private volatile Session session;

    LocalConnection(ApiGatewayEmulator gateway, String id, Map<String, Object> authorizer) {
      this.gateway = gateway;
      this.id = id;
      this.authorizer = authorizer;
    }

    Session session() {
      return session;
    }

    @Override
    public void onWebSocketOpen(Session session) {
      this.session = session;
      gateway.unfinished.add(this);
      gateway.connections.put(id, this);
    }

    @Override
    public void onWebSocketText(String text) {
      Functions current = gateway.functions;
      APIGatewayV2WebSocketEvent event =
          gateway.webSocketEvent(route(text), "MESSAGE", id, authorizer);
      event.getRequestContext().setMessageId(eventId());
      event.getRequestContext().setMessageDirection("IN");
      event.getRequestContext().setConnectedAt(connectedAt);
      event.setBody(text);
      APIGatewayV2WebSocketResponse response = current.webSocket().handleRequest(event, null);
      if (response == null || response.getStatusCode() / 100 != 2) {
        LOG.warn(
            "the WebSocket function answered {} to a frame on {}",
            response == null ? null : response.getStatusCode(),
            id);
      }
    }

    @Override
    public void onWebSocketError(Throwable cause) {
      LOG.debug("connection {} failed: {}", id, cause.toString());
      disconnect(StatusCode.ABNORMAL, cause.toString());
    }

    @Override
    public void onWebSocketClose(
        int statusCode, String reason, org.eclipse.jetty.websocket.api.Callback callback) {
      try {
        disconnect(statusCode, reason);
      } finally {
        callback.succeed();
      }
    }

    /** {@code $disconnect}, once, unless the connection vanished. */
    private void disconnect(int statusCode, String reason) {
      gateway.connections.remove(id, this);
      if (vanished.get()) {
        finish();
        return;
      }
      if (!disconnected.compareAndSet(false, true)) {
        return;
      }
      try {
        invokeDisconnect(statusCode, reason);
      } finally {
        finish();
      }
    }

    private void finish() {
      gateway.unfinished.remove(this);
      finished.complete(null);
    }

    private void invokeDisconnect(int statusCode, String reason) {
      APIGatewayV2WebSocketEvent event =
          gateway.webSocketEvent("$disconnect", "DISCONNECT", id, authorizer);
      event.getRequestContext().setConnectedAt(connectedAt);
      event.setHeaders(Map.of("Host", gateway.domainName()));
      // API Gateway reports the close in these two fields of the request context.
      event.getRequestContext().setStatus(String.valueOf(statusCode));
      event.getRequestContext().setError(reason);
      gateway.functions.webSocket().handleRequest(event, null);
    }
  }

  /** The handshake: REQUEST authorizer, then {@code $connect}; returns null after refusing. */
  private Object upgrade(
      ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
    Functions current = functions;
    if (current == null) {
      return refuse(response, callback, 503, "{\"message\":\"Service Unavailable\"}");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    Map<String, List<String>> multiValueHeaders = new LinkedHashMap<>();
    for (HttpField field : request.getHeaders()) {
      // The WebSocket API keeps the client's spelling; repeated headers are joined with commas.
      headers.merge(field.getName(), field.getValue(), (a, b) -> a + "," + b);
      multiValueHeaders
          .computeIfAbsent(field.getName(), k -> new java.util.ArrayList<>())
          .add(field.getValue());
    }
    Map<String, String> query = firstValues(request.getHttpURI().getQuery());
    String connectionId = connectionId();

    APIGatewayCustomAuthorizerEvent authorization = new APIGatewayCustomAuthorizerEvent();
    authorization.setType("REQUEST");
    authorization.setMethodArn(
        "arn:aws:execute-api:"
            + REGION
            + ":"
            + ACCOUNT_ID
            + ":"
            + API_ID
            + "/"
            + STAGE
            + "/$connect");
    authorization.setHeaders(headers);
    authorization.setQueryStringParameters(query.isEmpty() ? null : query);
    IamPolicyResponse policy = current.authorizer().handleRequest(authorization, null);
    if (!allows(policy)) {
      return refuse(response, callback, 403, "{\"message\":\"Forbidden\"}");
    }
    Map<String, Object> authorizer = new LinkedHashMap<>();
    if (policy.getContext() != null) {
      authorizer.putAll(policy.getContext());
    }
    authorizer.put("principalId", policy.getPrincipalId());

    APIGatewayV2WebSocketEvent connect =
        webSocketEvent("$connect", "CONNECT", connectionId, authorizer);
    connect.getRequestContext().setConnectedAt(System.currentTimeMillis());
    connect.setHeaders(headers);
    connect.setMultiValueHeaders(multiValueHeaders);
    connect.setQueryStringParameters(query.isEmpty() ? null : query);
    APIGatewayV2WebSocketResponse answer = current.webSocket().handleRequest(connect, null);
    int status = answer == null ? 502 : answer.getStatusCode();
    if (status / 100 != 2) {
      return refuse(
          response,
          callback,
          status,
          answer == null || answer.getBody() == null ? "" : answer.getBody());
    }
    if (answer.getHeaders() != null) {
      answer.getHeaders().entrySet().stream()
          .filter(h -> h.getKey().equalsIgnoreCase("Sec-WebSocket-Protocol"))
          .findFirst()
          .ifPresent(h -> response.setAcceptedSubProtocol(h.getValue()));
    }
    return new LocalConnection(this, connectionId, Map.copyOf(authorizer));
  }

  private static boolean allows(IamPolicyResponse policy) {
    if (policy == null) {
      return false;
    }
    JsonNode statements = JSON.valueToTree(policy).path("policyDocument").path("Statement");
    if (!statements.isArray() || statements.isEmpty()) {
      return false;
    }
    for (JsonNode statement : statements) {
      if (!"Allow".equals(statement.path("Effect").asText())) {
        return false;
      }
    }
    return true;
  }

  private static Object refuse(
      ServerUpgradeResponse response, Callback callback, int status, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.getHeaders().put("Content-Type", "application/json");
    response.getHeaders().put("Content-Length", bytes.length);
    response.write(true, ByteBuffer.wrap(bytes), callback);
    return null;
  }

  /** {@code $request.body.action} when it names a route, else {@code $default}. */
  static String route(String body) {
    try {
      JsonNode action = JSON.readTree(body).path("action");
      if (action.isTextual() && routes().contains(action.asText())) {
        return action.asText();
      }
    } catch (IOException | RuntimeException e) {
      // Not JSON: API Gateway falls back to $default as well.
    }
    return "$default";
  }

  private APIGatewayV2WebSocketEvent webSocketEvent(
      String routeKey, String eventType, String connectionId, Map<String, Object> authorizer) {
    long now = System.currentTimeMillis();
    var context = new APIGatewayV2WebSocketEvent.RequestContext();
    context.setRouteKey(routeKey);
    context.setEventType(eventType);
    context.setExtendedRequestId(eventId());
    context.setRequestId(context.getExtendedRequestId());
    context.setRequestTime(
        ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(now), ZoneOffset.UTC)
            .format(REQUEST_TIME));
    context.setRequestTimeEpoch(now);
    context.setStage(STAGE);
    context.setDomainName(domainName());
    context.setApiId(API_ID);
    context.setAccountId(ACCOUNT_ID);
    context.setConnectionId(connectionId);
    var identity = new APIGatewayV2WebSocketEvent.RequestIdentity();
    identity.setSourceIp("127.0.0.1");
    context.setIdentity(identity);
    context.setAuthorizer(authorizer == null ? null : new LinkedHashMap<>(authorizer));
    APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
    event.setRequestContext(context);
    event.setIsBase64Encoded(false);
    return event;
  }

  /**
   * API Gateway's connection ids look like {@code L0SM9cOFvHcCIhw=}: 11 random bytes in base64 (the
   * URL-safe alphabet here, so that ids never hold a slash).
   */
  private static String connectionId() {
    byte[] bytes = new byte[11];
    java.util.concurrent.ThreadLocalRandom.current().nextBytes(bytes);
    return Base64.getUrlEncoder().encodeToString(bytes);
  }

  private static String eventId() {
    return UUID.randomUUID().toString();
  }

  // --- HTTP API and Management API ---------------------------------------------------------------

  private final class HttpHandler extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      Functions current = functions;
      String path = request.getHttpURI().getPath();
      if (current == null) {
        return write(
            response, callback, 503, "application/json", "{\"message\":\"Service Unavailable\"}");
      }
      if (path.startsWith(CONNECTIONS_PREFIX)) {
        String id =
            URLDecoder.decode(
                request.getHttpURI().getPath().substring(CONNECTIONS_PREFIX.length()),
                StandardCharsets.UTF_8);
        return management(request, response, callback, id);
      }
      byte[] body = Request.asInputStream(request).readNBytes(MAX_PAYLOAD_BYTES + 1);
      if (body.length > MAX_PAYLOAD_BYTES) {
        return write(
            response,
            callback,
            413,
            "application/json",
            "{\"message\":\"Request Entity Too Large\"}");
      }
      APIGatewayV2HTTPResponse answer =
          current.http().handleRequest(httpEvent(request, body), null);
      if (answer == null) {
        return write(
            response, callback, 500, "application/json", "{\"message\":\"Internal Server Error\"}");
      }
      response.setStatus(answer.getStatusCode());
      if (answer.getHeaders() != null) {
        answer.getHeaders().forEach((name, value) -> response.getHeaders().put(name, value));
      }
      if (answer.getCookies() != null) {
        answer.getCookies().forEach(c -> response.getHeaders().add("Set-Cookie", c));
      }
      byte[] out =
          answer.getBody() == null
              ? new byte[0]
              : answer.getIsBase64Encoded()
                  ? Base64.getDecoder().decode(answer.getBody())
                  : answer.getBody().getBytes(StandardCharsets.UTF_8);
      response.getHeaders().put("Content-Length", out.length);
      response.write(true, ByteBuffer.wrap(out), callback);
      return true;
    }
  }

  private APIGatewayV2HTTPEvent httpEvent(Request request, byte[] body) {
    long now = System.currentTimeMillis();
    Map<String, String> headers = new LinkedHashMap<>();
    List<String> cookies = new java.util.ArrayList<>();
    for (HttpField field : request.getHeaders()) {
      String name = field.getName().toLowerCase(Locale.ROOT);
      if (name.equals("cookie")) {
        for (String cookie : field.getValue().split(";")) {
          if (!cookie.isBlank()) {
            cookies.add(cookie.strip());
          }
        }
        continue;
      }
      headers.merge(name, field.getValue(), (a, b) -> a + "," + b);
    }
    String rawQuery = request.getHttpURI().getQuery();
    var http = new APIGatewayV2HTTPEvent.RequestContext.Http();
    http.setMethod(request.getMethod());
    http.setPath(request.getHttpURI().getPath());
    http.setProtocol(request.getConnectionMetaData().getProtocol());
    http.setSourceIp("127.0.0.1");
    http.setUserAgent(headers.get("user-agent"));
    var context = new APIGatewayV2HTTPEvent.RequestContext();
    context.setRouteKey("$default");
    context.setAccountId(ACCOUNT_ID);
    context.setApiId(API_ID);
    context.setStage("$default");
    context.setDomainName(domainName());
    context.setDomainPrefix(API_ID);
    context.setRequestId(eventId());
    context.setTime(
        ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(now), ZoneOffset.UTC)
            .format(REQUEST_TIME));
    context.setTimeEpoch(now);
    context.setHttp(http);
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setVersion("2.0");
    event.setRouteKey("$default");
    event.setRawPath(request.getHttpURI().getPath());
    event.setRawQueryString(rawQuery == null ? "" : rawQuery);
    event.setCookies(cookies.isEmpty() ? null : cookies);
    event.setHeaders(headers);
    Map<String, String> query = joinedValues(rawQuery);
    event.setQueryStringParameters(query.isEmpty() ? null : query);
    event.setRequestContext(context);
    if (body.length > 0) {
      String text = utf8(body);
      event.setIsBase64Encoded(text == null);
      event.setBody(text != null ? text : Base64.getEncoder().encodeToString(body));
    } else {
      event.setIsBase64Encoded(false);
    }
    return event;
  }

  private boolean management(Request request, Response response, Callback callback, String id) {
    LocalConnection connection = connections.get(id);
    if (connection == null) {
      return gone(response, callback);
    }
    switch (request.getMethod()) {
      case "POST" -> {
        byte[] data;
        try {
          data = Request.asInputStream(request).readNBytes(WebSocketApi.MAX_FRAME_BYTES + 1);
        } catch (IOException e) {
          return write(response, callback, 400, "application/json", "{\"message\":\"bad body\"}");
        }
        if (data.length > WebSocketApi.MAX_FRAME_BYTES) {
          response.getHeaders().put("x-amzn-ErrorType", "PayloadTooLargeException");
          return write(
              response, callback, 413, "application/json", "{\"message\":\"Payload too large\"}");
        }
        if (!send(connection, new String(data, StandardCharsets.UTF_8))) {
          return gone(response, callback);
        }
        return write(response, callback, 200, null, "");
      }
      case "DELETE" -> {
        connections.remove(id, connection);
        connection
            .session()
            .close(
                StatusCode.NORMAL,
                "disconnected by the server",
                org.eclipse.jetty.websocket.api.Callback.NOOP);
        return write(response, callback, 204, null, "");
      }
      case "GET" -> {
        String body =
            "{\"connectedAt\":\""
                + java.time.Instant.ofEpochMilli(connection.connectedAt)
                + "\",\"identity\":{\"sourceIp\":\"127.0.0.1\"},\"lastActiveAt\":\""
                + java.time.Instant.now()
                + "\"}";
        return write(response, callback, 200, "application/json", body);
      }
      default -> {
        return write(
            response, callback, 405, "application/json", "{\"message\":\"Method Not Allowed\"}");
      }
    }
  }

  /** Sends a frame and waits until it is written; false when the connection broke. */
  private static boolean send(LocalConnection connection, String frame) {
    CompletableFuture<Void> sent = new CompletableFuture<>();
    connection
        .session()
        .sendText(
            frame,
            org.eclipse.jetty.websocket.api.Callback.from(
                () -> sent.complete(null), sent::completeExceptionally));
    try {
      sent.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException | TimeoutException e) {
      LOG.debug("a frame to {} was not sent: {}", connection.id, e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static boolean gone(Response response, Callback callback) {
    response.getHeaders().put("x-amzn-ErrorType", "GoneException");
    return write(response, callback, 410, "application/json", "{\"message\":\"GoneException\"}");
  }

  private static boolean write(
      Response response, Callback callback, int status, String contentType, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    if (contentType != null) {
      response.getHeaders().put("Content-Type", contentType);
    }
    response.getHeaders().put("Content-Length", bytes.length);
    response.write(true, ByteBuffer.wrap(bytes), callback);
    return true;
  }

  /** The body as text when it is valid UTF-8, else null (API Gateway then base64-encodes it). */
  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** {@code queryStringParameters} of payload 2.0: repeated parameters joined with commas. */
  private static Map<String, String> joinedValues(String rawQuery) {
    Map<String, String> joined = new LinkedHashMap<>();
    parse(rawQuery).forEach(f -> joined.put(f.getName(), String.join(",", f.getValues())));
    return joined;
  }

  /** The WebSocket API's {@code queryStringParameters}: one value per name (the last). */
  private static Map<String, String> firstValues(String rawQuery) {
    Map<String, String> values = new LinkedHashMap<>();
    parse(rawQuery).forEach(f -> values.put(f.getName(), f.getValues().getLast()));
    return values;
  }

  private static Fields parse(String rawQuery) {
    Fields fields = new Fields();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return fields;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        fields.add(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        // A malformed escape: the raw query still reaches the function in rawQueryString.
      }
    }
    return fields;
  }
}

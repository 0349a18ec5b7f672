package dev.parley.local.apigateway;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.parley.adapter.lambda.ConnectAuthorizerHandler;
import dev.parley.adapter.lambda.HttpApiHandler;
import dev.parley.adapter.lambda.WebSocketHandler;
import dev.parley.protocol.auth.IdentityResolver;
import dev.parley.protocol.http.CorsPolicy;
import dev.parley.protocol.rest.Route;
import dev.parley.protocol.ws.WebSocketApi;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
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
 *       invocation limit are refused with 413 without invoking the function, a declared one at
 *       once; a body that stops arriving is 408 after {@link #IDLE_TIMEOUT}; a method other than
 *       the seven an {@code ANY} route matches (case-sensitive: {@code get} is none) is 404. With a
 *       CORS configuration ({@link #cors}), preflights are answered by the gateway as {@code
 *       HttpApiCors} describes.
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
 *   <li><b>Lambda Invoke API</b> at {@code
 *       http://host:port/2015-03-31/functions/{name}/invocations} (Lambda's own API, on the same
 *       port), for the functions the functions invoke themselves (the fan-out function, {@link
 *       #deploy}): {@code Event} answers 202 and runs the function in the background, {@code
 *       RequestResponse} runs it and answers its result.
 * </ul>
 *
 * <p>What API Gateway answers itself, and every error Jetty would answer, is API Gateway's JSON
 * {@code {"message":"..."}} (never an HTML page, a stack trace or a {@code Server} header); what
 * the functions answer is passed on as it is.
 *
 * <p>Differences from AWS worth knowing: handlers run in this JVM, one "execution environment" for
 * every function; frames of one connection are handled one at a time, in order; no throttling, no
 * idle or two-hour limits. {@link #vanish} drops a connection without {@code $disconnect}, as when
 * API Gateway misses one.
 *
 * <p>Each concern is a class of its own: the HTTP API in {@code HttpApiRoute} and {@code
 * HttpApiEvents}; the WebSocket API in {@code WebSocketHandshake}, {@code LocalConnection} and
 * {@code WebSocketEvents}; the Management API in {@code ConnectionsEndpoint}; the Invoke API in
 * {@code LambdaInvokeEndpoint} and {@code LocalFunction}. This one wires them into one Jetty server
 * and owns its lifecycle.
 */
public final class ApiGatewayEmulator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayEmulator.class);

  /** The WebSocket API's stage: the WebSocket path, and the prefix of the Management API. */
  public static final String STAGE = "ws";

  static final String API_ID = "local";
  static final String ACCOUNT_ID = "000000000000";
  static final String REGION = "local";

  /**
   * How long a connection may stay silent, a request's body included: a client that stops sending
   * gets API Gateway's 408 after this, not a hung request.
   */
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);

  /** How long {@link #close()} waits for the {@code $disconnect} of the connections it closes. */
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final Server jetty;
  private final ServerConnector connector;
  private final LocalConnections connections = new LocalConnections();
  private final LambdaInvokeEndpoint invocations = new LambdaInvokeEndpoint();
  private final HttpApiCors cors;
  private final HttpApiAuthorizer authorizer;

  private volatile LambdaFunctions functions;

  private ApiGatewayEmulator(String host, int port, Duration idleTimeout) {
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("lambda-local");
    threads.setVirtualThreadsExecutor(
        VirtualThreads.getNamedVirtualThreadsExecutor("lambda-local"));
    jetty = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    // API Gateway names no server software, and the clients must not rely on Jetty's.
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(idleTimeout.toMillis());
    jetty.addConnector(connector);
    jetty.setErrorHandler(new GatewayErrors());
    WebSocketEvents events = new WebSocketEvents(this::domainName);
    WebSocketHandshake handshake = new WebSocketHandshake(this::functions, connections, events);
    WebSocketUpgradeHandler upgrades =
        WebSocketUpgradeHandler.from(
            jetty,
            container -> {
              container.setMaxTextMessageSize(WebSocketApi.MAX_FRAME_BYTES);
              container.setMaxBinaryMessageSize(WebSocketApi.MAX_FRAME_BYTES);
              container.setIdleTimeout(Duration.ofMinutes(10));
              container.addMapping("/" + STAGE, handshake);
            });
    authorizer = new HttpApiAuthorizer(new HttpApiRoute(this::functions, this::domainName));
    cors = new HttpApiCors(authorizer);
    // Each returns false for what it does not answer, so the HTTP API gets what is left.
    upgrades.setHandler(
        new Handler.Sequence(
            new Unattached(), new ConnectionsEndpoint(connections), invocations, cors));
    jetty.setHandler(upgrades);
  }

  /**
   * Starts listening; requests are answered with 503 until {@link #attach} names the functions.
   * Starting first lets the functions be configured with this emulator's {@link
   * #connectionsEndpoint()} (port 0 picks a free port).
   */
  public static ApiGatewayEmulator start(String host, int port) throws Exception {
    return start(host, port, IDLE_TIMEOUT);
  }

  /**
   * As {@link #start(String, int)}, with a shorter idle timeout for the tests of stalled bodies.
   */
  static ApiGatewayEmulator start(String host, int port, Duration idleTimeout) throws Exception {
    ApiGatewayEmulator emulator = new ApiGatewayEmulator(host, port, idleTimeout);
    emulator.jetty.start();
    return emulator;
  }

  /**
   * The HTTP API's CORS configuration ({@code CorsConfiguration} in the SAM template): the gateway
   * answers browsers from the origins {@code policy} allows. None until this is called.
   */
  public ApiGatewayEmulator cors(CorsPolicy policy) {
    cors.configure(policy);
    return this;
  }

  /**
   * The HTTP API's JWT authorizer, as the SAM templates deploy it: each of {@code routes} needs a
   * token {@code identity} accepts, carrying the route's scope ({@code HttpApiAuthorizer}). None
   * until this is called.
   */
  public ApiGatewayEmulator authorizeRoutes(List<Route> routes, IdentityResolver identity) {
    authorizer.configure(routes, identity);
    return this;
  }

  /** Puts the functions behind the APIs. */
  public ApiGatewayEmulator attach(
      HttpApiHandler http, WebSocketHandler webSocket, ConnectAuthorizerHandler authorizer) {
    return attach(new LambdaFunctions(http, webSocket, authorizer));
  }

  ApiGatewayEmulator attach(LambdaFunctions functions) {
    this.functions = functions;
    return this;
  }

  /**
   * Puts a function behind the Lambda Invoke API ({@link #lambdaEndpoint()}) under {@code name},
   * for the functions that invoke it (the fan-out function). Its payload is bound to {@code input}
   * as the Lambda runtime binds it: JSON to a bean.
   */
  public <I, O> ApiGatewayEmulator deploy(
      String name, Class<I> input, RequestHandler<I, O> handler) {
    invocations.deploy(name, LocalFunction.of(input, handler));
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

  /**
   * The Lambda API endpoint, for the SDK's endpoint override: {@code POST
   * /2015-03-31/functions/{name}/invocations} on this server invokes what {@link #deploy} put
   * there.
   */
  public URI lambdaEndpoint() {
    return httpUri();
  }

  /** The ids of the open connections. */
  public Set<String> connectionIds() {
    return connections.ids();
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
    connection.vanish();
    return true;
  }

  /** Blocks until the server has stopped. */
  public void join() throws InterruptedException {
    jetty.join();
  }

  /**
   * Waits (ten seconds at most) for the asynchronous invocations under way, closes every connection
   * with 1001 and waits (ten seconds at most) until their {@code $disconnect} invocations have
   * returned, then stops the server. Waiting matters: the owner releases what the functions use
   * (the DynamoDB client) right after this returns, and Jetty's own stop would close the sockets
   * without waiting for their listeners.
   */
  @Override
  public void close() {
    invocations.close(CLOSE_TIMEOUT);
    connections.closeAll(CLOSE_TIMEOUT);
    try {
      jetty.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("the emulator did not stop cleanly", e);
    }
  }

  private LambdaFunctions functions() {
    return functions;
  }

  private String domainName() {
    String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
    if (host.equals("0.0.0.0")) {
      host = "127.0.0.1";
    }
    return host + ":" + port();
  }

  /** Until the functions are attached, API Gateway's 503; then it passes every request on. */
  private final class Unattached extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      if (functions != null) {
        return false;
      }
      return JsonReplies.message(response, callback, 503, "Service Unavailable");
    }
  }
}

package dev.parley.adapter.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.shared.Identifiers;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.http.Problem;
import dev.parley.protocol.http.ProblemException;
import dev.parley.protocol.ws.Handshake;
import dev.parley.protocol.ws.WebSocketApi;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An API Gateway WebSocket API in front of chat-protocol's {@link WebSocketApi}; one function for
 * every route.
 *
 * <ul>
 *   <li>{@code $connect} registers the connection ({@link WebSocketApi#open}) for the user the
 *       {@code $connect} authorizer allowed ({@code userId}, else {@code principalId}, in {@code
 *       requestContext.authorizer}); without an authorizer the protocol's {@link Handshake}
 *       verifies the handshake's token (401 without a valid one). It answers 200 and echoes the
 *       subprotocol the client offered. It never posts: API Gateway refuses posts to a connection
 *       until {@code $connect} has returned (410), so the {@code hello} frame that Fargate sends
 *       unasked comes on Lambda only as the answer to the client's {@code sayHello}.
 *   <li>{@code $disconnect} forgets the connection ({@link WebSocketApi#close}); best effort, the
 *       registry's TTL and the 410 clean-up of delivery catch missed ones.
 *   <li>Every other route ({@code $default} and the action routes) hands the body to {@link
 *       WebSocketApi#receive} and posts the reply frame (ack, pong or error) to the caller through
 *       the Management API. The integration returns no body, so the route needs no route response
 *       and the client never gets a reply twice. An unknown action gets an error frame; the
 *       connection stays open.
 * </ul>
 *
 * <p>The user of a message is the authorizer's (API Gateway passes the {@code $connect}
 * authorizer's context with every message), else the registered connection's, which {@link
 * WebSocketApi#receive(ConnectionId, String)} looks up. Never throws.
 */
public class WebSocketHandler
    implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketHandler.class);

  static final String CONNECT = "$connect";
  static final String DISCONNECT = "$disconnect";

  private final LambdaRuntime runtime;

  public WebSocketHandler(LambdaRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public APIGatewayV2WebSocketResponse handleRequest(
      APIGatewayV2WebSocketEvent event, Context context) {
    var requestContext = event == null ? null : event.getRequestContext();
    if (requestContext == null
        || requestContext.getRouteKey() == null
        || !Identifiers.isValid(requestContext.getConnectionId())) {
      return response(400, "not an API Gateway WebSocket event");
    }
    ConnectionId connection = ConnectionId.of(requestContext.getConnectionId());
    runtime.delivery().useEndpointOf(requestContext.getDomainName(), requestContext.getStage());
    try {
      return switch (requestContext.getRouteKey()) {
        case CONNECT ->
            connect(
                event, connection, HttpEvents.requestId(requestContext.getRequestId(), context));
        case DISCONNECT -> disconnect(connection);
        default -> message(event, connection);
      };
    } catch (RuntimeException e) {
      LOG.error("WebSocket {} on {} failed", requestContext.getRouteKey(), connection, e);
      return response(500, "internal error");
    }
  }

  private APIGatewayV2WebSocketResponse connect(
      APIGatewayV2WebSocketEvent event, ConnectionId connection, String requestId) {
    UserId authorized;
    try {
      authorized = authorizedUser(event);
    } catch (ProblemException e) {
      return refused(e.problem());
    }
    Handshake.Request request =
        HttpEvents.handshake(
            event.getHeaders(), event.getQueryStringParameters(), authorized, requestId);
    return switch (runtime.handshake().accept(request)) {
      case Handshake.Refused refused -> {
        if (refused.fault() != null) {
          LOG.error("the $connect handshake of {} failed", connection, refused.fault());
        }
        yield refused(refused.problem());
      }
      case Handshake.Accepted accepted -> open(connection, accepted);
    };
  }

  private APIGatewayV2WebSocketResponse open(ConnectionId connection, Handshake.Accepted accepted) {
    if (runtime.webSocketApi().open(connection, accepted.user())
        instanceof WebSocketApi.Refused refused) {
      if (refused.fault() != null) {
        LOG.error("could not open {}", connection, refused.fault());
      }
      return refused(refused.problem());
    }
    LOG.debug("connected {} for {}", connection, accepted.user());
    APIGatewayV2WebSocketResponse response = response(200, null);
    if (accepted.subprotocol() != null) {
      response.setHeaders(Map.of(HttpEvents.SEC_WEBSOCKET_PROTOCOL, accepted.subprotocol()));
    }
    return response;
  }

  private static APIGatewayV2WebSocketResponse refused(Problem problem) {
    return response(problem.type().status(), problem.detail());
  }

  private APIGatewayV2WebSocketResponse disconnect(ConnectionId connection) {
    try {
      runtime.webSocketApi().close(connection);
    } catch (RuntimeException e) {
      // Best effort, like $disconnect itself: the registry entry expires anyway.
      LOG.warn("could not forget {}: {}", connection, e.toString());
    }
    return response(200, null);
  }

  private APIGatewayV2WebSocketResponse message(
      APIGatewayV2WebSocketEvent event, ConnectionId connection) {
    UserId user;
    try {
      user = authorizedUser(event);
    } catch (ProblemException e) {
      user = null;
    }
    Instant expiresAt = HttpEvents.tokenExpiry(event.getRequestContext().getAuthorizer());
    if (expiresAt != null && !Instant.now().isBefore(expiresAt)) {
      // API Gateway keeps the socket open; the handler is the first to see the token ran out.
      runtime.delivery().send(connection, runtime.webSocketApi().tokenExpired().frame());
      runtime.delivery().hangUp(connection);
      return response(200, null);
    }
    String body = event.getBody() == null ? "" : event.getBody();
    // API Gateway hands over binary frames, and only those, base64-encoded.
    WebSocketApi.Reply reply =
        event.isIsBase64Encoded()
            ? runtime.webSocketApi().receiveBinary()
            : user == null
                ? runtime.webSocketApi().receive(connection, body)
                : runtime.webSocketApi().receive(connection, user, body);
    if (reply.fault() != null) {
      LOG.error("a frame from {} failed", connection, reply.fault());
    }
    runtime.delivery().send(connection, reply.frame());
    return response(200, null);
  }

  /** The user the {@code $connect} authorizer allowed, or null when there is no authorizer. */
  private static UserId authorizedUser(APIGatewayV2WebSocketEvent event) {
    Map<String, Object> authorizer = event.getRequestContext().getAuthorizer();
    return HttpEvents.user(HttpEvents.identityOf(authorizer));
  }

  private static APIGatewayV2WebSocketResponse response(int status, String body) {
    APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
    response.setStatusCode(status);
    response.setBody(body);
    return response;
  }
}

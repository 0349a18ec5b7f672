package dev.parley.local.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.protocol.ws.WebSocketApi;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The WebSocket API's events: {@code $connect}, each frame on the route its {@code
 * $request.body.action} selects, and {@code $disconnect}, all with the authorizer's context.
 */
final class WebSocketEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Supplier<String> domainName;

  /**
   * @param domainName the {@code host:port} the events name, from which the handlers post back
   */
  /** Where frames go that no route matches. */
  static final String DEFAULT_ROUTE = "$default";

  WebSocketEvents(Supplier<String> domainName) {
    this.domainName = domainName;
  }

  /**
   * The route selection expression {@code $request.body.action}: the action when it names one of
   * {@link WebSocketApi#ACTIONS}, else {@code $default}.
   */
  static String route(String body) {
    try {
      JsonNode action = JSON.readTree(body).path("action");
      if (action.isTextual() && WebSocketApi.ACTIONS.contains(action.asText())) {
        return action.asText();
      }
    } catch (IOException | RuntimeException e) {
      // Not JSON: API Gateway falls back to $default as well.
    }
    return DEFAULT_ROUTE;
  }

  APIGatewayV2WebSocketEvent connect(
      String connectionId,
      Map<String, Object> authorizer,
      Map<String, String> headers,
      Map<String, List<String>> multiValueHeaders,
      Map<String, String> query) {
    APIGatewayV2WebSocketEvent event = event("$connect", "CONNECT", connectionId, authorizer);
    event.getRequestContext().setConnectedAt(System.currentTimeMillis());
    event.setHeaders(headers);
    event.setMultiValueHeaders(multiValueHeaders);
    event.setQueryStringParameters(query.isEmpty() ? null : query);
    return event;
  }

  APIGatewayV2WebSocketEvent message(
      String connectionId, Map<String, Object> authorizer, long connectedAt, String body) {
    APIGatewayV2WebSocketEvent event = event(route(body), "MESSAGE", connectionId, authorizer);
    event.getRequestContext().setMessageId(EventStamps.eventId());
    event.getRequestContext().setMessageDirection("IN");
    event.getRequestContext().setConnectedAt(connectedAt);
    event.setBody(body);
    return event;
  }

  /**
   * A binary frame: API Gateway cannot evaluate the route selection expression on it, so it goes to
   * {@code $default}, base64-encoded with {@code isBase64Encoded}.
   */
  APIGatewayV2WebSocketEvent binaryMessage(
      String connectionId, Map<String, Object> authorizer, long connectedAt, byte[] payload) {
    APIGatewayV2WebSocketEvent event = event(DEFAULT_ROUTE, "MESSAGE", connectionId, authorizer);
    event.getRequestContext().setMessageId(EventStamps.eventId());
    event.getRequestContext().setMessageDirection("IN");
    event.getRequestContext().setConnectedAt(connectedAt);
    event.setBody(Base64.getEncoder().encodeToString(payload));
    event.setIsBase64Encoded(true);
    return event;
  }

  APIGatewayV2WebSocketEvent disconnect(
      String connectionId,
      Map<String, Object> authorizer,
      long connectedAt,
      int statusCode,
      String reason) {
    APIGatewayV2WebSocketEvent event = event("$disconnect", "DISCONNECT", connectionId, authorizer);
    event.getRequestContext().setConnectedAt(connectedAt);
    event.setHeaders(Map.of("Host", domainName.get()));
    // API Gateway reports the close in these two fields of the request context.
    event.getRequestContext().setStatus(String.valueOf(statusCode));
    event.getRequestContext().setError(reason);
    return event;
  }

  private APIGatewayV2WebSocketEvent event(
      String routeKey, String eventType, String connectionId, Map<String, Object> authorizer) {
    long now = System.currentTimeMillis();
    var context = new APIGatewayV2WebSocketEvent.RequestContext();
    context.setRouteKey(routeKey);
    context.setEventType(eventType);
    context.setExtendedRequestId(EventStamps.eventId());
    context.setRequestId(context.getExtendedRequestId());
    context.setRequestTime(EventStamps.requestTime(now));
    context.setRequestTimeEpoch(now);
    context.setStage(ApiGatewayEmulator.STAGE);
    context.setDomainName(domainName.get());
    context.setApiId(ApiGatewayEmulator.API_ID);
    context.setAccountId(ApiGatewayEmulator.ACCOUNT_ID);
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
}

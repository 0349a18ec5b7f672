package dev.parley.benchmarks.coldstart.probe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * API Gateway events shaped as API Gateway sends them (the fields of AWS's documented examples,
 * which adapter-lambda's handler tests load): an HTTP API (payload 2.0) request and a WebSocket
 * {@code $connect}. Built field by field rather than parsed from JSON: the Lambda runtime turns the
 * JSON into these objects with its own serializer before the handler runs, so parsing here would
 * time a library the function never loads.
 */
public final class ProbeEvents {
  /** 100 characters, as in the other benchmarks: a typical chat line. */
  public static final String TEXT =
      "Deploy finished on staging: all 42 checks are green and p99 is back under 120 ms. Ship it at 3pm ok?";

  public static final String CREATE_ROOM_BODY =
      "{\"name\":\"coldstart\",\"topic\":\"cold starts\",\"type\":\"public\"}";

  public static final String POST_MESSAGE_BODY = "{\"text\":\"" + TEXT + "\"}";

  private static final String HTTP_DOMAIN = "abcd1234.execute-api.us-east-1.amazonaws.com";
  private static final String WEBSOCKET_DOMAIN = "wxyz5678.execute-api.us-east-1.amazonaws.com";

  private ProbeEvents() {}

  /**
   * An HTTP API request. With {@code bearer} null, the user is the {@code sub} a JWT authorizer
   * vouched for; otherwise the request carries {@code Authorization: Bearer} and no authorizer, and
   * the handler verifies the token itself.
   */
  public static APIGatewayV2HTTPEvent http(
      String method, String path, String body, String user, String bearer, String requestId) {
    long now = System.currentTimeMillis();
    APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
    context.setAccountId("123456789012");
    context.setApiId("abcd1234");
    context.setDomainName(HTTP_DOMAIN);
    context.setDomainPrefix("abcd1234");
    context.setRequestId(requestId);
    context.setRouteKey("$default");
    context.setStage("$default");
    context.setTime("21/Nov/2026:12:00:00 +0000");
    context.setTimeEpoch(now);
    APIGatewayV2HTTPEvent.RequestContext.Http http =
        new APIGatewayV2HTTPEvent.RequestContext.Http();
    http.setMethod(method);
    http.setPath(path);
    http.setProtocol("HTTP/1.1");
    http.setSourceIp("192.0.2.1");
    http.setUserAgent("coldstart-probe");
    context.setHttp(http);

    Map<String, String> headers = new HashMap<>();
    headers.put("accept", "application/json");
    headers.put("content-type", "application/json");
    headers.put("host", HTTP_DOMAIN);
    headers.put("user-agent", "coldstart-probe");
    headers.put("x-forwarded-proto", "https");
    if (bearer == null) {
      APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt =
          new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
      Map<String, String> claims = new HashMap<>();
      claims.put("sub", user);
      claims.put("iss", "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_coldstart");
      claims.put("token_use", "access");
      jwt.setClaims(claims);
      APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer =
          new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
      authorizer.setJwt(jwt);
      context.setAuthorizer(authorizer);
    } else {
      headers.put("authorization", "Bearer " + bearer);
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

  /**
   * A WebSocket {@code $connect} after the REQUEST authorizer allowed {@code user}: API Gateway
   * passes the authorizer's {@code principalId} and context in {@code requestContext.authorizer}.
   */
  public static APIGatewayV2WebSocketEvent connect(
      String connectionId, String user, String requestId) {
    return webSocket("$connect", "CONNECT", connectionId, user, requestId, null);
  }

  /**
   * A frame on an action route (e.g. {@code postMessage}) of a connection the authorizer allowed
   * for {@code user} at {@code $connect}.
   */
  public static APIGatewayV2WebSocketEvent message(
      String routeKey,
      String connectionId,
      String user,
      String requestId,
      String domainName,
      String body) {
    APIGatewayV2WebSocketEvent event =
        webSocket(routeKey, "MESSAGE", connectionId, user, requestId, body);
    event.getRequestContext().setDomainName(domainName);
    return event;
  }

  private static APIGatewayV2WebSocketEvent webSocket(
      String routeKey,
      String eventType,
      String connectionId,
      String user,
      String requestId,
      String body) {
    long now = System.currentTimeMillis();
    APIGatewayV2WebSocketEvent.RequestContext context =
        new APIGatewayV2WebSocketEvent.RequestContext();
    context.setRouteKey(routeKey);
    context.setEventType(eventType);
    context.setMessageDirection("IN");
    context.setStage("live");
    context.setConnectedAt(now);
    context.setRequestTimeEpoch(now);
    context.setRequestId(requestId);
    context.setExtendedRequestId(requestId);
    context.setDomainName(WEBSOCKET_DOMAIN);
    context.setConnectionId(connectionId);
    context.setApiId("wxyz5678");
    Map<String, Object> authorizer = new HashMap<>();
    authorizer.put("principalId", user);
    authorizer.put("userId", user);
    authorizer.put("integrationLatency", 12);
    context.setAuthorizer(authorizer);

    APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
    event.setRequestContext(context);
    if ("CONNECT".equals(eventType)) {
      Map<String, String> headers = new HashMap<>();
      headers.put("Host", WEBSOCKET_DOMAIN);
      headers.put("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
      headers.put("Sec-WebSocket-Version", "13");
      headers.put("X-Forwarded-Proto", "https");
      event.setHeaders(headers);
    }
    event.setBody(body);
    event.setIsBase64Encoded(false);
    return event;
  }

  /**
   * The {@code id} of a created room, from the JSON answer, without a JSON library: the probe must
   * not load or warm anything the function itself would not.
   */
  public static String roomId(String body) {
    String key = "\"id\":\"";
    int start = body == null ? -1 : body.indexOf(key);
    if (start < 0) {
      throw new IllegalStateException("no room id in " + body);
    }
    start += key.length();
    int end = body.indexOf('"', start);
    if (end < 0) {
      throw new IllegalStateException("no room id in " + body);
    }
    return body.substring(start, end);
  }
}

package dev.parley.local.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket API's handshake: the REQUEST authorizer first (a Deny is 403 {@code
 * {"message":"Forbidden"}}, an authorizer failing with "Unauthorized" 401, and {@code $connect}
 * does not run), then {@code $connect} with the policy's {@code principalId} and context; a non-2xx
 * answer refuses the upgrade with that status, a {@code Sec-WebSocket-Protocol} header in the
 * answer is the accepted subprotocol.
 */
final class WebSocketHandshake implements WebSocketCreator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketHandshake.class);

  /** The error message by which a Lambda authorizer asks for a 401 instead of a 403. */
  static final String UNAUTHORIZED = "Unauthorized";

  private final Supplier<LambdaFunctions> functions;
  private final LocalConnections connections;
  private final WebSocketEvents events;

  /**
   * @param functions read on every handshake; null until the functions are attached (503)
   */
  WebSocketHandshake(
      Supplier<LambdaFunctions> functions, LocalConnections connections, WebSocketEvents events) {
    this.functions = functions;
    this.connections = connections;
    this.events = events;
  }

  /** What API Gateway passes on from the upgrade request to both functions. */
  private record Upgrade(
      Map<String, String> headers,
      Map<String, List<String>> multiValueHeaders,
      Map<String, String> query) {
    static Upgrade of(ServerUpgradeRequest request) {
      Map<String, String> headers = new LinkedHashMap<>();
      Map<String, List<String>> multiValueHeaders = new LinkedHashMap<>();
      for (HttpField field : request.getHeaders()) {
        // The WebSocket API keeps the client's spelling; repeated headers are joined with commas.
        headers.merge(field.getName(), field.getValue(), (a, b) -> a + "," + b);
        multiValueHeaders
            .computeIfAbsent(field.getName(), k -> new ArrayList<>())
            .add(field.getValue());
      }
      return new Upgrade(
          headers, multiValueHeaders, QueryStrings.lastValues(request.getHttpURI().getQuery()));
    }
  }

  /** Returns the connection's listener, or null after refusing the upgrade. */
  @Override
  public Object createWebSocket(
      ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
    LambdaFunctions current = functions.get();
    if (current == null) {
      return refuse(response, callback, 503, "Service Unavailable");
    }
    Upgrade upgrade = Upgrade.of(request);
    Map<String, Object> authorizer;
    try {
      authorizer = authorize(current, upgrade);
    } catch (RuntimeException e) {
      // A Lambda authorizer that fails with "Unauthorized" asks API Gateway for a 401; any other
      // failure is API Gateway's 500.
      boolean unauthorized = UNAUTHORIZED.equals(e.getMessage());
      if (!unauthorized) {
        LOG.warn("the $connect authorizer failed", e);
      }
      return unauthorized
          ? refuse(response, callback, 401, UNAUTHORIZED)
          : refuse(response, callback, 500, "Internal Server Error");
    }
    if (authorizer == null) {
      return refuse(response, callback, 403, "Forbidden");
    }
    String connectionId = connectionId();
    APIGatewayV2WebSocketEvent connect =
        events.connect(
            connectionId,
            authorizer,
            upgrade.headers(),
            upgrade.multiValueHeaders(),
            upgrade.query());
    APIGatewayV2WebSocketResponse answer;
    try {
      answer = current.webSocket().handleRequest(connect, null);
    } catch (RuntimeException e) {
      LOG.warn("the $connect function failed", e);
      return refuse(response, callback, 500, "Internal Server Error");
    }
    if (answer == null) {
      return refuse(response, callback, 500, "Internal Server Error");
    }
    int status = answer.getStatusCode();
    if (status / 100 != 2) {
      String body = answer.getBody() == null ? "" : answer.getBody();
      return JsonReplies.refuse(response, callback, status, body);
    }
    if (answer.getHeaders() != null) {
      answer.getHeaders().entrySet().stream()
          .filter(h -> h.getKey().equalsIgnoreCase("Sec-WebSocket-Protocol"))
          .findFirst()
          .ifPresent(h -> response.setAcceptedSubProtocol(h.getValue()));
    }
    return new LocalConnection(
        connectionId, Map.copyOf(authorizer), connections, functions, events);
  }

  /** API Gateway's own refusal of an upgrade. */
  private static Object refuse(
      ServerUpgradeResponse response, Callback callback, int status, String message) {
    return JsonReplies.refuse(response, callback, status, JsonReplies.messageBody(message));
  }

  /** The authorizer's verdict: its context and {@code principalId} when it allows, else null. */
  private static Map<String, Object> authorize(LambdaFunctions current, Upgrade upgrade) {
    APIGatewayCustomAuthorizerEvent authorization = new APIGatewayCustomAuthorizerEvent();
    authorization.setType("REQUEST");
    authorization.setMethodArn(
        "arn:aws:execute-api:%s:%s:%s/%s/$connect"
            .formatted(
                ApiGatewayEmulator.REGION,
                ApiGatewayEmulator.ACCOUNT_ID,
                ApiGatewayEmulator.API_ID,
                ApiGatewayEmulator.STAGE));
    authorization.setHeaders(upgrade.headers());
    authorization.setQueryStringParameters(upgrade.query().isEmpty() ? null : upgrade.query());
    IamPolicyResponse policy = current.authorizer().handleRequest(authorization, null);
    if (!allows(policy)) {
      return null;
    }
    Map<String, Object> authorizer = new LinkedHashMap<>();
    if (policy.getContext() != null) {
      authorizer.putAll(policy.getContext());
    }
    authorizer.put("principalId", policy.getPrincipalId());
    return authorizer;
  }

  /** Whether the policy has statements and every one of them allows. */
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

  /**
   * API Gateway's connection ids look like {@code L0SM9cOFvHcCIhw=}: 11 random bytes in base64 (the
   * URL-safe alphabet here, so that ids never hold a slash).
   */
  private static String connectionId() {
    byte[] bytes = new byte[11];
    ThreadLocalRandom.current().nextBytes(bytes);
    return Base64.getUrlEncoder().encodeToString(bytes);
  }
}

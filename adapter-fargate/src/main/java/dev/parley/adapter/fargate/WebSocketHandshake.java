package dev.parley.adapter.fargate;

import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.auth.Authentication;
import dev.parley.protocol.auth.BearerTokens;
import dev.parley.protocol.auth.IdentityResolver;
import dev.parley.protocol.auth.WebSocketCredentials;
import dev.parley.protocol.http.ApiRequest;
import dev.parley.protocol.http.ApiResponse;
import dev.parley.protocol.http.Problem;
import dev.parley.protocol.http.ProblemType;
import dev.parley.protocol.http.Problems;
import dev.parley.protocol.rest.RestApi;
import dev.parley.protocol.ws.WebSocketApi;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Authenticates a WebSocket handshake and creates the {@link ChatSocket} for it, or refuses the
 * upgrade with a plain HTTP answer: 401 with a problem body when the token is missing or invalid,
 * 503 while the server drains.
 *
 * <p>The token is taken from {@code Authorization: Bearer}, else from a {@code parley.token.<jwt>}
 * subprotocol (browsers cannot set headers on a WebSocket), else from the {@code token} query
 * parameter. Whenever the client offered subprotocols, one is echoed (the first that is not a token
 * one), since browsers close a connection whose server picked none.
 */
final class WebSocketHandshake implements WebSocketCreator {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketHandshake.class);
  private static final Logger ACCESS = LoggerFactory.getLogger(LogKeys.ACCESS_LOGGER);
  private static final String MISSING =
      "a bearer token is required: Authorization: Bearer <token>, a Sec-WebSocket-Protocol "
          + BearerTokens.TOKEN_SUBPROTOCOL_PREFIX
          + "<token>, or the token query parameter";

  private final WebSocketApi api;
  private final IdentityResolver identity;
  private final JettyWebSocketDeliveryAdapter delivery;
  private final Readiness readiness;

  WebSocketHandshake(
      WebSocketApi api,
      IdentityResolver identity,
      JettyWebSocketDeliveryAdapter delivery,
      Readiness readiness) {
    this.api = api;
    this.identity = identity;
    this.delivery = delivery;
    this.readiness = readiness;
  }

  @Override
  public Object createWebSocket(
      ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
    long start = System.nanoTime();
    String requestId = RequestIds.fromHeader(request.getHeaders().get(RequestIds.HEADER));
    String path = request.getHttpURI().getPath(); // never the query: it may hold the token
    MDC.put(LogKeys.REQUEST_ID, requestId);
    try {
      Outcome outcome;
      try {
        outcome = decide(request, requestId);
      } catch (RuntimeException e) {
        // A resolver fault or a bug: answer 500 here, rather than let Jetty log the URI (and the
        // token it may carry).
        LOG.error("WebSocket handshake {} failed", requestId, e);
        outcome =
            Outcome.refused(
                RestApi.problem(Problems.internal(requestId), bare(request, requestId)));
      }
      if (outcome.refusal() != null) {
        return refuse(outcome.refusal(), request, response, callback, requestId, start);
      }
      if (outcome.subprotocol() != null) {
        response.setAcceptedSubProtocol(outcome.subprotocol());
      }
      response.getHeaders().put(RequestIds.HEADER, requestId);
      ConnectionId connection = ConnectionId.of("c-" + UUID.randomUUID());
      MDC.put(LogKeys.USER_ID, outcome.user().value());
      ACCESS.info(
          "{} {} 101 {}ms connection {}",
          request.getMethod(),
          path,
          (System.nanoTime() - start) / 1_000_000,
          connection.value());
      return new ChatSocket(connection, outcome.user(), api, delivery);
    } finally {
      MDC.remove(LogKeys.REQUEST_ID);
      MDC.remove(LogKeys.USER_ID);
    }
  }

  /** Either a refusal to write, or the user and the subprotocol to accept (null for none). */
  private record Outcome(ApiResponse refusal, UserId user, String subprotocol) {
    static Outcome refused(ApiResponse refusal) {
      return new Outcome(refusal, null, null);
    }
  }

  private Outcome decide(ServerUpgradeRequest request, String requestId) {
    if (readiness.draining()) {
      // New sockets would be closed again right away; let the client go to another node.
      return Outcome.refused(unavailable());
    }
    ApiRequest bare = bare(request, requestId);
    Credentials credentials = credentials(request);
    if (credentials == null) {
      return Outcome.refused(unauthenticated(MISSING, bare));
    }
    return switch (identity.authenticate(credentials.token())) {
      case Authentication.Rejected rejected ->
          Outcome.refused(unauthenticated(rejected.reason(), bare));
      case Authentication.Unavailable unavailable -> Outcome.refused(unavailable());
      case Authentication.Authenticated ok ->
          new Outcome(null, ok.userId(), credentials.subprotocol());
    };
  }

  private static ApiRequest bare(ServerUpgradeRequest request, String requestId) {
    return new ApiRequest(
        request.getMethod(),
        request.getHttpURI().getPath(),
        Map.of(),
        Map.of(),
        null,
        null,
        requestId);
  }

  /** The token and the subprotocol to echo (null when the client offered none). */
  private record Credentials(String token, String subprotocol) {}

  private static Credentials credentials(ServerUpgradeRequest request) {
    List<String> offered = request.getSubProtocols();
    Optional<WebSocketCredentials> inSubprotocol = BearerTokens.fromOfferedSubprotocols(offered);
    String echo =
        inSubprotocol
            .map(WebSocketCredentials::subprotocolToEcho)
            .orElseGet(
                () ->
                    offered.stream()
                        .filter(p -> !p.startsWith(BearerTokens.TOKEN_SUBPROTOCOL_PREFIX))
                        .findFirst()
                        .orElse(null));
    Optional<String> token =
        BearerTokens.fromAuthorizationHeader(request.getHeaders().get(HttpHeader.AUTHORIZATION))
            .or(() -> inSubprotocol.map(WebSocketCredentials::token))
            .or(() -> BearerTokens.fromQueryParameters(firstQueryValues(request)));
    return token.map(t -> new Credentials(t, echo)).orElse(null);
  }

  private static Map<String, String> firstQueryValues(ServerUpgradeRequest request) {
    Map<String, String> first = new HashMap<>();
    try {
      RestHandler.query(request).forEach((name, values) -> first.put(name, values.getFirst()));
    } catch (RuntimeException e) {
      // A query Jetty cannot decode carries no usable token.
      return Map.of();
    }
    return first;
  }

  private static ApiResponse unauthenticated(String detail, ApiRequest request) {
    return RestApi.problem(
        Problem.of(ProblemType.UNAUTHENTICATED, detail)
            .withHeader("WWW-Authenticate", "Bearer realm=\"parley\""),
        request);
  }

  private static ApiResponse unavailable() {
    return new ApiResponse(
        503,
        Map.of("Content-Type", ApiResponse.JSON, "Retry-After", HealthHandler.RETRY_AFTER_SECONDS),
        "{\"status\":\"unavailable\"}".getBytes(StandardCharsets.UTF_8),
        null);
  }

  /** Writes the refusal; returning null tells Jetty not to upgrade. */
  private static Object refuse(
      ApiResponse answer,
      ServerUpgradeRequest request,
      ServerUpgradeResponse response,
      Callback callback,
      String requestId,
      long start) {
    response.setStatus(answer.status());
    answer.headers().forEach(response.getHeaders()::put);
    response.getHeaders().put(RequestIds.HEADER, requestId);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
    response.write(true, ByteBuffer.wrap(answer.body()), callback);
    ACCESS.info(
        "{} {} {} {}ms",
        request.getMethod(),
        request.getHttpURI().getPath(),
        answer.status(),
        (System.nanoTime() - start) / 1_000_000);
    return null;
  }
}

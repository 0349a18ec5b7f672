package dev.parley.adapter.fargate;

import dev.parley.domain.presence.ConnectionId;
import dev.parley.protocol.http.ApiResponse;
import dev.parley.protocol.json.ProblemResponse;
import dev.parley.protocol.ws.Handshake;
import dev.parley.protocol.ws.WebSocketApi;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Hands a WebSocket upgrade to the protocol's {@link Handshake} and creates the {@link ChatSocket}
 * it accepts, or refuses the upgrade with a plain HTTP answer: the handshake's problem, or 503
 * while the server drains.
 */
final class WebSocketHandshake implements WebSocketCreator {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketHandshake.class);
  private static final Logger ACCESS = LoggerFactory.getLogger(LogKeys.ACCESS_LOGGER);

  private final WebSocketApi api;
  private final Handshake handshake;
  private final JettyWebSocketDeliveryAdapter delivery;
  private final Readiness readiness;
  private final Scheduler scheduler;

  WebSocketHandshake(
      WebSocketApi api,
      Handshake handshake,
      JettyWebSocketDeliveryAdapter delivery,
      Readiness readiness,
      Scheduler scheduler) {
    this.api = api;
    this.handshake = handshake;
    this.delivery = delivery;
    this.readiness = readiness;
    this.scheduler = scheduler;
  }

  @Override
  public Object createWebSocket(
      ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
    long start = System.nanoTime();
    String requestId = RequestIds.fromHeader(request.getHeaders().get(RequestIds.HEADER));
    MDC.put(LogKeys.REQUEST_ID, requestId);
    try {
      if (readiness.draining()) {
        // New sockets would be closed again right away; let the client go to another node.
        return refuse(unavailable(), request, response, callback, requestId, start);
      }
      Handshake.Request credentials =
          new Handshake.Request(
              request.getHeaders().get(HttpHeader.AUTHORIZATION),
              request.getSubProtocols(),
              firstQueryValues(request),
              null,
              requestId);
      return switch (handshake.accept(credentials)) {
        case Handshake.Accepted accepted -> open(accepted, request, response, requestId, start);
        case Handshake.Refused refused -> {
          if (refused.fault() != null) {
            LOG.error("WebSocket handshake {} failed", requestId, refused.fault());
          }
          yield refuse(
              ProblemResponse.of(refused.problem(), requestId),
              request,
              response,
              callback,
              requestId,
              start);
        }
      };
    } finally {
      MDC.remove(LogKeys.REQUEST_ID);
      MDC.remove(LogKeys.USER_ID);
    }
  }

  private ChatSocket open(
      Handshake.Accepted accepted,
      ServerUpgradeRequest request,
      ServerUpgradeResponse response,
      String requestId,
      long start) {
    if (accepted.subprotocol() != null) {
      response.setAcceptedSubProtocol(accepted.subprotocol());
    }
    response.getHeaders().put(RequestIds.HEADER, requestId);
    ConnectionId connection = ConnectionId.of("c-" + UUID.randomUUID());
    MDC.put(LogKeys.USER_ID, accepted.user().value());
    ACCESS.info(
        "{} {} 101 {}ms connection {}",
        request.getMethod(),
        request.getHttpURI().getPath(), // never the query: it may hold the token
        (System.nanoTime() - start) / 1_000_000,
        connection.value());
    return new ChatSocket(
        connection, accepted.user(), accepted.expiresAt(), api, delivery, scheduler);
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

  private static ApiResponse unavailable() {
    return new ApiResponse(
        503,
        Map.of("Content-Type", ApiResponse.JSON, "Retry-After", HealthHandler.RETRY_AFTER_SECONDS),
        "{\"status\":\"unavailable\"}".getBytes(StandardCharsets.UTF_8));
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

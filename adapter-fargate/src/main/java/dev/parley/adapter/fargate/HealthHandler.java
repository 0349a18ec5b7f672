package dev.parley.adapter.fargate;

import dev.parley.protocol.http.ApiResponse;
import dev.parley.protocol.http.Problem;
import dev.parley.protocol.http.ProblemType;
import dev.parley.protocol.json.ProblemResponse;
import dev.parley.protocol.rest.RestApi;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code /health/live} and {@code /health/ready} without a token, and passes everything
 * else on. It sits in front of the graceful-shutdown handler on purpose: while the server drains,
 * probes must still get an answer (503 from readiness), not the generic refusal of new requests.
 */
final class HealthHandler extends Handler.Wrapper {
  static final String PREFIX = "/health/";
  static final String LIVE = "/health/live";
  static final String READY = "/health/ready";

  /** Seconds a load balancer or client should wait before asking again after a 503. */
  static final String RETRY_AFTER_SECONDS = "5";

  private static final Logger LOG = LoggerFactory.getLogger(HealthHandler.class);
  private static final String JSON = "application/json; charset=utf-8";
  private static final byte[] UP = bytes("{\"status\":\"up\"}");
  private static final byte[] UNAVAILABLE = bytes("{\"status\":\"unavailable\"}");

  private final Readiness readiness;

  HealthHandler(Readiness readiness, Handler next) {
    super(next);
    this.readiness = readiness;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = request.getHttpURI().getPath();
    // Refused here, in front of every handler, so no prefix check (this one, the WebSocket
    // mapping) sees a path that resolves elsewhere.
    Optional<Problem> dots = path == null ? Optional.empty() : RestApi.dotSegments(path);
    if (dots.isPresent()) {
      return problem(dots.get(), request, response, callback);
    }
    if (path == null || !path.startsWith(PREFIX)) {
      return super.handle(request, response, callback);
    }
    String method = request.getMethod();
    boolean head = "HEAD".equals(method);
    if (!head && !"GET".equals(method)) {
      return problem(
          Problem.of(ProblemType.METHOD_NOT_ALLOWED, method + " is not allowed here")
              .withHeader(HttpHeader.ALLOW.asString(), "GET, HEAD"),
          request,
          response,
          callback);
    }
    int status;
    byte[] body;
    if (LIVE.equals(path)) {
      status = 200;
      body = UP;
    } else if (READY.equals(path)) {
      boolean ready = readiness.ready();
      status = ready ? 200 : 503;
      body = ready ? UP : UNAVAILABLE;
      if (!ready) {
        response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
      }
    } else {
      return problem(
          Problem.of(ProblemType.NOT_FOUND, "no resource at " + path), request, response, callback);
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
    // Probes must see the live state, never a cached one.
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    // Debug, not info: a load balancer probes every few seconds.
    LOG.debug("{} {} {}", method, path, status);
    response.write(true, head ? BufferUtil.EMPTY_BUFFER : ByteBuffer.wrap(body), callback);
    return true;
  }

  private static boolean problem(
      Problem problem, Request request, Response response, Callback callback) {
    String requestId = RequestIds.fromHeader(request.getHeaders().get(RequestIds.HEADER));
    ApiResponse answer = ProblemResponse.of(problem, requestId);
    response.setStatus(answer.status());
    answer.headers().forEach(response.getHeaders()::put);
    response.getHeaders().put(RequestIds.HEADER, requestId);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
    LOG.debug("{} {} {}", request.getMethod(), request.getHttpURI().getPath(), answer.status());
    boolean head = "HEAD".equals(request.getMethod());
    response.write(true, head ? BufferUtil.EMPTY_BUFFER : ByteBuffer.wrap(answer.body()), callback);
    return true;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

package dev.parley.adapter.fargate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
  private static final byte[] NOT_FOUND = bytes("{\"status\":\"not found\"}");
  private static final byte[] NOT_ALLOWED = bytes("{\"status\":\"method not allowed\"}");

  private final Readiness readiness;

  HealthHandler(Readiness readiness, Handler next) {
    super(next);
    this.readiness = readiness;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = request.getHttpURI().getPath();
    if (path == null || !path.startsWith(PREFIX)) {
      return super.handle(request, response, callback);
    }
    String method = request.getMethod();
    boolean head = "HEAD".equals(method);
    int status;
    byte[] body;
    if (!head && !"GET".equals(method)) {
      status = 405;
      body = NOT_ALLOWED;
      response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
    } else if (LIVE.equals(path)) {
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
      status = 404;
      body = NOT_FOUND;
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

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

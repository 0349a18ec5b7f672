package dev.parley.adapter.fargate;

import dev.parley.protocol.http.ApiRequest;
import dev.parley.protocol.http.ApiResponse;
import dev.parley.protocol.http.Problem;
import dev.parley.protocol.http.ProblemType;
import dev.parley.protocol.http.Problems;
import dev.parley.protocol.json.ProblemResponse;
import dev.parley.protocol.rest.RestApi;
import dev.parley.protocol.rest.RestOutcome;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Serves the REST API: turns a Jetty request into an {@link ApiRequest}, lets {@link RestApi}
 * answer, and writes the {@link ApiResponse} back, with one access log line per request named as
 * the {@link RestOutcome} says.
 *
 * <p>Runs on a virtual thread (the handler is blocking), so reading the body and waiting for the
 * response to be written simply block. Bodies are read up to {@link RestApi#MAX_BODY_BYTES} + 1
 * bytes and no further, so that {@link RestApi} refuses a larger one with 413 without it being read
 * to its end.
 */
final class RestHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(RestHandler.class);
  private static final Logger ACCESS = LoggerFactory.getLogger(LogKeys.ACCESS_LOGGER);

  /** A response that cannot be written within this time is abandoned (the client is stuck). */
  private static final long WRITE_TIMEOUT_SECONDS = 60;

  private static final byte[] EMPTY = new byte[0];

  private final RestApi rest;

  RestHandler(RestApi rest) {
    this.rest = rest;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long start = System.nanoTime();
    String requestId = RequestIds.fromHeader(request.getHeaders().get(RequestIds.HEADER));
    String method = request.getMethod();
    String path = request.getHttpURI().getPath(); // raw, and without the query: no tokens in logs
    MDC.put(LogKeys.REQUEST_ID, requestId);
    int status = 0;
    String name = path;
    String delivered = "";
    try {
      RestOutcome outcome;
      try {
        outcome = answer(request, method, path, requestId);
      } catch (RuntimeException e) {
        // A bug of this adapter: answer like RestApi would, rather than let Jetty log the URI.
        outcome =
            RestOutcome.unrouted(ProblemResponse.of(Problems.internal(requestId), requestId), e);
      }
      name = outcome.describe(path);
      if (outcome.roomId() != null) {
        MDC.put(LogKeys.ROOM_ID, outcome.roomId());
      }
      if (outcome.user() != null) {
        MDC.put(LogKeys.USER_ID, outcome.user().value());
      }
      status = outcome.response().status();
      if (outcome.fault() != null) {
        LOG.error("{} {} failed; request id {}", method, name, requestId, outcome.fault());
      }
      delivered =
          write(response, outcome.response(), requestId, callback) ? "" : " (not delivered)";
    } finally {
      if (ACCESS.isInfoEnabled()) {
        // Built here rather than from a "{} {}..." pattern: one string instead of an argument
        // array, a boxed status and the formatter's builder, on every request.
        long millis = (System.nanoTime() - start) / 1_000_000;
        ACCESS.info(method + " " + name + " " + status + " " + millis + "ms" + delivered);
      }
      MDC.remove(LogKeys.REQUEST_ID);
      MDC.remove(LogKeys.ROOM_ID);
      MDC.remove(LogKeys.USER_ID);
    }
    return true;
  }

  private RestOutcome answer(Request request, String method, String path, String requestId) {
    HttpFields fields = request.getHeaders();
    // A declared length over the limit is refused before a byte of the body is read.
    long declared = fields.getLongField(HttpHeader.CONTENT_LENGTH);
    Optional<Problem> tooLarge = RestApi.oversized(declared);
    if (tooLarge.isPresent()) {
      return refused(tooLarge.get(), requestId);
    }
    Map<String, List<String>> query;
    try {
      query = query(request);
    } catch (RuntimeException e) {
      // Jetty reports bad %-escapes or UTF-8 as IllegalArgumentException or BadMessageException.
      return refused(
          Problem.of(ProblemType.MALFORMED_REQUEST, "the query string is not valid URL encoding"),
          requestId);
    }
    byte[] body;
    try {
      body = body(request, declared, fields.contains(HttpHeader.TRANSFER_ENCODING));
    } catch (IOException e) {
      // Malformed chunking or a stalled upload; if the client is gone, nobody reads this.
      LOG.debug("could not read the body of request {}: {}", requestId, e.toString());
      return refused(
          Problem.of(ProblemType.MALFORMED_REQUEST, "the request body could not be read"),
          requestId);
    }
    return rest.handle(new ApiRequest(method, path, query, headers(fields), body, null, requestId));
  }

  private static RestOutcome refused(Problem problem, String requestId) {
    return RestOutcome.unrouted(ProblemResponse.of(problem, requestId), null);
  }

  /**
   * Reads the body into an array of its declared size: a post's body is a few hundred bytes, and
   * reading it with a default-sized buffer allocated 16 KB per request (measurable in the load
   * benchmark's GC time). A chunked body of unknown size is read up to the limit + 1, so an
   * oversized one is noticed without reading it all.
   */
  private static byte[] body(Request request, long declared, boolean chunked) throws IOException {
    if (declared == 0 || (declared < 0 && !chunked)) {
      return EMPTY; // HTTP/1.1: no Content-Length and no Transfer-Encoding means no body
    }
    int limit = declared > 0 ? (int) declared : RestApi.MAX_BODY_BYTES + 1;
    return Content.Source.asInputStream(request).readNBytes(limit);
  }

  /** Writes and waits; true when the response went out. */
  private static boolean write(
      Response response, ApiResponse answer, String requestId, Callback callback) {
    response.setStatus(answer.status());
    HttpFields.Mutable headers = response.getHeaders();
    answer.headers().forEach(headers::put);
    headers.put(RequestIds.HEADER, requestId);
    byte[] body = answer.body();
    if (answer.status() != 204 && answer.status() != 304) {
      headers.put(HttpHeader.CONTENT_LENGTH, body.length);
    }
    ByteBuffer content = body.length == 0 ? BufferUtil.EMPTY_BUFFER : ByteBuffer.wrap(body);
    try (Blocker.Callback written = Blocker.callback()) {
      response.write(true, content, written);
      written.block(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      callback.succeeded();
      return true;
    } catch (IOException | TimeoutException e) {
      LOG.debug("response to request {} not delivered: {}", requestId, e.toString());
      callback.failed(e);
      return false;
    }
  }

  /** Header values by lower-case name; the first value where a header repeats. */
  private static Map<String, String> headers(HttpFields fields) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (HttpField field : fields) {
      headers.putIfAbsent(field.getLowerCaseName(), field.getValue());
    }
    return headers;
  }

  /** Decoded query parameters, in order. */
  static Map<String, List<String>> query(Request request) {
    Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (Fields.Field field : fields) {
      query.put(field.getName(), new ArrayList<>(field.getValues()));
    }
    return query;
  }
}

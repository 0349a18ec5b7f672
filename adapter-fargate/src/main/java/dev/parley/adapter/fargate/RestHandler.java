package dev.parley.adapter.fargate;

import dev.parley.domain.user.UserId;
import dev.parley.protocol.auth.Authentication;
import dev.parley.protocol.auth.BearerTokens;
import dev.parley.protocol.auth.IdentityResolver;
import dev.parley.protocol.http.ApiRequest;
import dev.parley.protocol.http.ApiResponse;
import dev.parley.protocol.http.Problem;
import dev.parley.protocol.http.ProblemType;
import dev.parley.protocol.http.Problems;
import dev.parley.protocol.rest.RestApi;
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
 * answer, and writes the {@link ApiResponse} back, with one access log line per request.
 *
 * <p>Runs on a virtual thread (the handler is blocking), so reading the body and waiting for the
 * response to be written simply block. Bodies are read up to {@link RestApi#MAX_BODY_BYTES} + 1
 * bytes and no further: a larger one is refused with 413 without being read to its end.
 */
final class RestHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(RestHandler.class);
  private static final Logger ACCESS = LoggerFactory.getLogger(LogKeys.ACCESS_LOGGER);

  /** A response that cannot be written within this time is abandoned (the client is stuck). */
  private static final long WRITE_TIMEOUT_SECONDS = 60;

  private static final byte[] EMPTY = new byte[0];

  private final RestApi rest;
  private final IdentityResolver identity;
  private final RouteTemplates templates;

  RestHandler(RestApi rest, IdentityResolver identity) {
    this.rest = rest;
    this.identity = identity;
    this.templates = new RouteTemplates(rest.routes());
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long start = System.nanoTime();
    String requestId = RequestIds.fromHeader(request.getHeaders().get(RequestIds.HEADER));
    String method = request.getMethod();
    String path = request.getHttpURI().getPath(); // raw, and without the query: no tokens in logs
    MDC.put(LogKeys.REQUEST_ID, requestId);
    String roomId = RouteTemplates.roomId(path);
    if (roomId != null) {
      MDC.put(LogKeys.ROOM_ID, roomId);
    }
    int status = 0;
    String outcome = "";
    try {
      ApiResponse answer;
      try {
        answer = answer(request, method, path, requestId);
      } catch (RuntimeException e) {
        // A bug of this adapter: answer like RestApi would, rather than let Jetty log the URI.
        answer =
            withFault(RestApi.problem(Problems.internal(requestId), bare(request, requestId)), e);
      }
      status = answer.status();
      if (answer.fault() != null) {
        LOG.error(
            "{} {} failed; request id {}",
            method,
            templates.describe(path),
            requestId,
            answer.fault());
      }
      outcome = write(response, answer, requestId, callback) ? "" : " (not delivered)";
    } finally {
      if (ACCESS.isInfoEnabled()) {
        // Built here rather than from a "{} {}..." pattern: one string instead of an argument
        // array, a boxed status and the formatter's builder, on every request.
        long millis = (System.nanoTime() - start) / 1_000_000;
        ACCESS.info(
            method + " " + templates.describe(path) + " " + status + " " + millis + "ms" + outcome);
      }
      MDC.remove(LogKeys.REQUEST_ID);
      MDC.remove(LogKeys.ROOM_ID);
      MDC.remove(LogKeys.USER_ID);
    }
    return true;
  }

  private ApiResponse answer(Request request, String method, String path, String requestId) {
    HttpFields fields = request.getHeaders();
    Map<String, String> headers = headers(fields);
    ApiRequest bare = bare(request, requestId);
    // A declared length over the limit is refused before a byte of the body is read.
    long declared = fields.getLongField(HttpHeader.CONTENT_LENGTH);
    if (declared > RestApi.MAX_BODY_BYTES) {
      return tooLarge(bare);
    }
    Map<String, List<String>> query;
    try {
      query = query(request);
    } catch (RuntimeException e) {
      // Jetty reports bad %-escapes or UTF-8 as IllegalArgumentException or BadMessageException.
      return RestApi.problem(
          Problem.of(ProblemType.MALFORMED_REQUEST, "the query string is not valid URL encoding"),
          bare);
    }
    byte[] body;
    try {
      body = body(request, declared, fields.contains(HttpHeader.TRANSFER_ENCODING));
    } catch (IOException e) {
      // Malformed chunking or a stalled upload; if the client is gone, nobody reads this.
      LOG.debug("could not read the body of request {}: {}", requestId, e.toString());
      return RestApi.problem(
          Problem.of(ProblemType.MALFORMED_REQUEST, "the request body could not be read"), bare);
    }
    if (body.length > RestApi.MAX_BODY_BYTES) {
      return tooLarge(bare);
    }
    UserId user = authenticated(headers.get("authorization"));
    if (user != null) {
      MDC.put(LogKeys.USER_ID, user.value());
    }
    return rest.handle(new ApiRequest(method, path, query, headers, body, user, requestId));
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

  /**
   * The caller, when the token is valid, so that logs carry the user id; otherwise null, and {@link
   * RestApi} authenticates again and answers with the 401 (or the 500) itself.
   */
  private UserId authenticated(String authorization) {
    Optional<String> token = BearerTokens.fromAuthorizationHeader(authorization);
    if (token.isEmpty()) {
      return null;
    }
    try {
      return identity.authenticate(token.get()) instanceof Authentication.Authenticated ok
          ? ok.userId()
          : null;
    } catch (RuntimeException e) {
      return null; // RestApi meets the same fault and reports it as a logged 500
    }
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

  /** The request without query, headers or body: enough to build a problem response. */
  private static ApiRequest bare(Request request, String requestId) {
    return new ApiRequest(
        request.getMethod(),
        request.getHttpURI().getPath(),
        Map.of(),
        Map.of(),
        null,
        null,
        requestId);
  }

  private static ApiResponse withFault(ApiResponse response, Throwable fault) {
    return new ApiResponse(response.status(), response.headers(), response.body(), fault);
  }

  private static ApiResponse tooLarge(ApiRequest request) {
    return RestApi.problem(
        Problem.of(
            ProblemType.PAYLOAD_TOO_LARGE,
            "the body is larger than " + RestApi.MAX_BODY_BYTES + " bytes"),
        request);
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

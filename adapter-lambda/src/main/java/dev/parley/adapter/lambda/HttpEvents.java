package dev.parley.adapter.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.parley.domain.shared.Identifiers;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.http.ApiRequest;
import dev.parley.protocol.http.ApiResponse;
import dev.parley.protocol.http.Problem;
import dev.parley.protocol.http.ProblemException;
import dev.parley.protocol.http.ProblemType;
import dev.parley.protocol.http.Problems;
import dev.parley.protocol.json.ProblemResponse;
import dev.parley.protocol.rest.RestApi;
import dev.parley.protocol.rest.RestOutcome;
import dev.parley.protocol.ws.Handshake;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the REST and HTTP API handlers share: mapping event parts and answering safely. */
final class HttpEvents {
  private static final Logger LOG = LoggerFactory.getLogger(HttpEvents.class);

  static final String REQUEST_ID_HEADER = "X-Request-Id";
  static final String SEC_WEBSOCKET_PROTOCOL = "Sec-WebSocket-Protocol";

  /** The authorizer context's user, as {@link ConnectAuthorizerHandler} sets it. */
  static final String USER_ID = "userId";

  /** The authorizer context's token expiry, in epoch seconds. */
  static final String TOKEN_EXPIRES_AT = "tokenExpiresAt";

  private HttpEvents() {}

  /**
   * Maps the event (which may throw a {@link ProblemException} for a bad event) and hands it to the
   * REST API. Never throws: a bad event is a 4xx problem, an unexpected fault a logged 500.
   */
  static ApiResponse handle(RestApi api, Supplier<ApiRequest> mapping, String requestId) {
    RestOutcome outcome;
    try {
      outcome = api.handle(mapping.get());
    } catch (ProblemException e) {
      outcome = RestOutcome.unrouted(ProblemResponse.of(e.problem(), requestId), null);
    } catch (RuntimeException e) {
      // A bug of the event mapping; RestApi itself never throws.
      outcome =
          RestOutcome.unrouted(ProblemResponse.of(Problems.internal(requestId), requestId), e);
    }
    if (outcome.fault() != null) {
      LOG.error("request {} failed", requestId, outcome.fault());
    }
    // As the Fargate runtime does: the id to quote when reporting a problem.
    return outcome.response().withHeader(REQUEST_ID_HEADER, requestId);
  }

  /** The handshake of a WebSocket event's headers and query, as the protocol decides it. */
  static Handshake.Request handshake(
      Map<String, String> headers,
      Map<String, String> query,
      UserId authorizedUser,
      String requestId) {
    String offered = header(headers, SEC_WEBSOCKET_PROTOCOL);
    return new Handshake.Request(
        header(headers, "Authorization"),
        offered == null ? null : List.of(offered),
        query,
        authorizedUser,
        requestId);
  }

  /** A header by name in any case; API Gateway keeps the client's spelling in WebSocket events. */
  static String header(Map<String, String> headers, String name) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    return null;
  }

  static String requestId(String fromEvent, Context context) {
    if (fromEvent != null && !fromEvent.isBlank()) {
      return fromEvent;
    }
    if (context != null && context.getAwsRequestId() != null) {
      return context.getAwsRequestId();
    }
    return UUID.randomUUID().toString();
  }

  static ProblemException malformed(String detail) {
    return ProblemException.of(ProblemType.MALFORMED_REQUEST, detail);
  }

  static String method(String method) {
    if (method == null || method.isBlank()) {
      throw malformed("the event has no HTTP method");
    }
    return method.toUpperCase(Locale.ROOT);
  }

  static String path(String path) {
    if (path == null || !path.startsWith("/")) {
      throw malformed("the event has no path");
    }
    return path;
  }

  /** Header values by lower-case name; the first value where a name has several. */
  static Map<String, String> headers(
      Map<String, List<String>> multiValue, Map<String, String> single) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (multiValue != null) {
      multiValue.forEach(
          (name, values) -> {
            if (name != null && values != null && !values.isEmpty() && values.get(0) != null) {
              headers.putIfAbsent(name.toLowerCase(Locale.ROOT), values.get(0));
            }
          });
    }
    if (single != null) {
      single.forEach(
          (name, value) -> {
            if (name != null && value != null) {
              headers.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
            }
          });
    }
    return headers;
  }

  /** Decoded query parameters: every value where the event has several, else the single one. */
  static Map<String, List<String>> query(
      Map<String, List<String>> multiValue, Map<String, String> single) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (multiValue != null) {
      multiValue.forEach(
          (name, values) -> {
            if (name != null && values != null) {
              query.put(name, values.stream().filter(v -> v != null).toList());
            }
          });
    }
    if (single != null) {
      single.forEach(
          (name, value) -> {
            if (name != null && value != null) {
              query.putIfAbsent(name, List.of(value));
            }
          });
    }
    return query;
  }

  /** Parses a raw (still encoded) query string such as {@code a=1&a=2&b=x%20y}. */
  static Map<String, List<String>> rawQuery(String raw) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    query.replaceAll((name, values) -> List.copyOf(values));
    return query;
  }

  private static String decode(String part) {
    try {
      return URLDecoder.decode(part, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw malformed("the query string is not validly percent-encoded");
    }
  }

  /** The body's bytes: base64-decoded when the event says so, else the text in UTF-8. */
  static byte[] body(String body, boolean base64) {
    if (body == null) {
      return new byte[0];
    }
    if (!base64) {
      return body.getBytes(StandardCharsets.UTF_8);
    }
    try {
      return Base64.getMimeDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw malformed("the body is marked base64-encoded but is not valid base64");
    }
  }

  /**
   * The user named by an authorizer, or null when there is none. An authorizer identity that is not
   * a valid user id is refused (401), never passed on.
   */
  static UserId user(Object identity) {
    if (identity == null) {
      return null;
    }
    String value = identity.toString();
    if (!Identifiers.isValid(value)) {
      throw new ProblemException(
          Problem.of(ProblemType.UNAUTHENTICATED, "the authorizer's identity is not a user id")
              .withHeader("WWW-Authenticate", "Bearer realm=\"parley\""));
    }
    return new UserId(value);
  }

  /**
   * The identity a Lambda authorizer or a Cognito user-pool authorizer put in a v1 (or WebSocket)
   * request context: {@code claims.sub}, else {@code userId}, else {@code principalId}; null if
   * none.
   */
  /**
   * When the token behind the connection expires, from the authorizer's context; null when the
   * context has no expiry (no authorizer, or another authorizer), or an unreadable one.
   */
  static Instant tokenExpiry(Map<String, Object> authorizer) {
    Object value = authorizer == null ? null : authorizer.get(TOKEN_EXPIRES_AT);
    if (value == null) {
      return null;
    }
    try {
      return Instant.ofEpochSecond(Long.parseLong(value.toString().strip()));
    } catch (NumberFormatException e) {
      LOG.warn("the authorizer's {} is not epoch seconds: {}", TOKEN_EXPIRES_AT, value);
      return null;
    }
  }

  static Object identityOf(Map<String, Object> authorizer) {
    if (authorizer == null) {
      return null;
    }
    if (authorizer.get("claims") instanceof Map<?, ?> claims && claims.get("sub") != null) {
      return claims.get("sub");
    }
    if (authorizer.get(USER_ID) != null) {
      return authorizer.get(USER_ID);
    }
    return authorizer.get("principalId");
  }
}

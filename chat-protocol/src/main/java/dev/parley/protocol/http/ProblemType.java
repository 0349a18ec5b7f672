package dev.parley.protocol.http;

/**
 * The stable problem types of the API (RFC 9457 {@code type}), shared by REST responses and
 * WebSocket error frames. The URIs are identifiers; clients switch on them.
 */
public enum ProblemType {
  MALFORMED_REQUEST(400, "Malformed request"),
  INVALID_INPUT(400, "Invalid input"),
  UNAUTHENTICATED(401, "Unauthenticated"),
  FORBIDDEN(403, "Forbidden"),
  NOT_FOUND(404, "Not found"),
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  CONFLICT(409, "Conflict"),
  PAYLOAD_TOO_LARGE(413, "Payload too large"),
  /** The request target is longer than the server reads. */
  URI_TOO_LONG(414, "URI too long"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
  /** An {@code Expect} header the server cannot meet (only {@code 100-continue} is known). */
  EXPECTATION_FAILED(417, "Expectation failed"),
  RATE_LIMITED(429, "Too many requests"),
  /** The request's headers are larger than the server reads. */
  HEADERS_TOO_LARGE(431, "Request header fields too large"),
  INTERNAL(500, "Internal error"),
  /** This store has no search index; message search needs an external one (OpenSearch). */
  SEARCH_UNAVAILABLE(501, "Search unavailable"),
  /** The request line names an HTTP version the server does not speak. */
  HTTP_VERSION_NOT_SUPPORTED(505, "HTTP version not supported"),
  STORE_UNAVAILABLE(503, "Store unavailable"),
  /** This node is not serving: it is shutting down (draining) or not ready. */
  UNAVAILABLE(503, "Service unavailable"),
  /** The identity provider's signing keys cannot be fetched, so no token can be checked. */
  AUTHENTICATION_UNAVAILABLE(503, "Authentication unavailable");

  public static final String BASE = "https://parley.dev/problems/";

  private final int status;
  private final String title;

  ProblemType(int status, String title) {
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The short code, such as {@code not-found}; the last segment of {@link #uri()}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  public String uri() {
    return BASE + code();
  }
}

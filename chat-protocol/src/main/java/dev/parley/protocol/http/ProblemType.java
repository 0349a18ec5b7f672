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
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
  RATE_LIMITED(429, "Too many requests"),
  INTERNAL(500, "Internal error"),
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

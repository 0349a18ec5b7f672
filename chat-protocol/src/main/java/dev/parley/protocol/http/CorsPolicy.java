package dev.parley.protocol.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which web origins may call the REST API from a browser (CORS), decided once for every runtime:
 * the Fargate server answers preflights with it, the local API Gateway emulator answers them as API
 * Gateway does with the same values, and the SAM template's {@code CorsConfiguration} is checked
 * against it in a test.
 *
 * <p>Bearer tokens travel in the {@code Authorization} header, which a page sets itself, so an
 * allowed origin needs {@code Authorization} among the allowed headers, not cookies. Credentials
 * (cookies) are allowed for listed origins, as API Gateway allows them, never with {@code *}, which
 * the CORS protocol forbids.
 *
 * @param allowedOrigins exact origins such as {@code https://app.example.com}, or the single entry
 *     {@code *} for any origin; empty: cross-origin calls are not answered (the default)
 * @param maxAge how long a browser may cache a preflight answer
 */
public record CorsPolicy(List<String> allowedOrigins, Duration maxAge) {

  /** Comma-separated origins, or {@code *}; unset or blank turns CORS off. */
  public static final String ENV_ALLOWED_ORIGINS = "CHAT_CORS_ALLOWED_ORIGINS";

  /** Ten minutes: Chromium caps a preflight cache at two hours, and origins rarely change. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(10);

  /** No cross-origin caller: a browser may call the API only from the API's own origin. */
  public static final CorsPolicy SAME_ORIGIN_ONLY = new CorsPolicy(List.of(), DEFAULT_MAX_AGE);

  /** Every method the route table uses ({@code CorsPolicyTest} holds it to the table). */
  public static final List<String> ALLOWED_METHODS =
      List.of("GET", "POST", "PUT", "PATCH", "DELETE");

  /** What a page sends besides the simple headers: the token, JSON bodies, its own request id. */
  public static final List<String> ALLOWED_HEADERS =
      List.of("Authorization", "Content-Type", "X-Request-Id");

  /** What a page may read from an answer besides the simple headers. */
  public static final List<String> EXPOSED_HEADERS =
      List.of(
          "Location",
          "Retry-After",
          "X-Request-Id",
          RateLimitHeaders.LIMIT,
          RateLimitHeaders.REMAINING,
          RateLimitHeaders.RESET);

  private static final String ANY = "*";

  public CorsPolicy {
    allowedOrigins = List.copyOf(Objects.requireNonNull(allowedOrigins, "allowedOrigins"));
    Objects.requireNonNull(maxAge, "maxAge");
    if (maxAge.isNegative()) {
      throw new IllegalArgumentException("maxAge must not be negative, was " + maxAge);
    }
    if (allowedOrigins.contains(ANY) && allowedOrigins.size() > 1) {
      throw new IllegalArgumentException("* allows every origin: list no other origin beside it");
    }
    for (String origin : allowedOrigins) {
      if (!origin.equals(ANY)) {
        checkOrigin(origin);
      }
    }
  }

  /** The policy for the given origins with the default preflight cache time. */
  public static CorsPolicy allowing(String... origins) {
    return new CorsPolicy(List.of(origins), DEFAULT_MAX_AGE);
  }

  /**
   * Reads {@value #ENV_ALLOWED_ORIGINS}.
   *
   * @throws IllegalArgumentException naming the variable and the bad origin, for a startup log
   */
  public static CorsPolicy fromEnvironment(Map<String, String> env) {
    String value = env.get(ENV_ALLOWED_ORIGINS);
    if (value == null || value.isBlank()) {
      return SAME_ORIGIN_ONLY;
    }
    List<String> origins = new ArrayList<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        origins.add(part.strip());
      }
    }
    try {
      return new CorsPolicy(origins, DEFAULT_MAX_AGE);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(ENV_ALLOWED_ORIGINS + ": " + e.getMessage(), e);
    }
  }

  /** Whether any cross-origin caller is allowed at all. */
  public boolean enabled() {
    return !allowedOrigins.isEmpty();
  }

  /** Whether every origin is allowed ({@code *}). */
  public boolean anyOrigin() {
    return allowedOrigins.contains(ANY);
  }

  /** Cookies may accompany a call from a listed origin; never with {@code *}. */
  public boolean allowCredentials() {
    return enabled() && !anyOrigin();
  }

  /** Whether a browser page served from {@code origin} may call the API. */
  public boolean allows(String origin) {
    return origin != null && (anyOrigin() || allowedOrigins.contains(origin));
  }

  private static void checkOrigin(String origin) {
    URI uri;
    try {
      uri = new URI(origin);
    } catch (URISyntaxException e) {
      throw notAnOrigin(origin);
    }
    String scheme = uri.getScheme();
    boolean web =
        scheme != null
            && (scheme.equals("https") || scheme.equals("http"))
            && uri.getHost() != null
            && uri.getRawUserInfo() == null
            && uri.getRawPath().isEmpty()
            && uri.getRawQuery() == null
            && uri.getRawFragment() == null;
    // Browsers send origins in lower case; a listed "https://App.example.com" would never match.
    if (!web || !origin.equals(origin.toLowerCase(Locale.ROOT))) {
      throw notAnOrigin(origin);
    }
  }

  private static IllegalArgumentException notAnOrigin(String origin) {
    String shown = origin.length() > 80 ? origin.substring(0, 80) + "..." : origin;
    return new IllegalArgumentException(
        "'"
            + shown
            + "' is not an origin: write scheme://host[:port] in lower case, without a path or a"
            + " trailing slash, such as https://app.example.com");
  }
}

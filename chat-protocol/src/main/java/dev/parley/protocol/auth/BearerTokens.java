package dev.parley.protocol.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the bearer token of a request: in {@code Authorization: Bearer <token>} (REST and
 * WebSocket), and for WebSocket handshakes, where browsers cannot set that header, in {@code
 * Sec-WebSocket-Protocol} or the {@code token} query parameter. Every method accepts null input and
 * returns an empty Optional (never null) when there is no single well-formed token; it never checks
 * the token itself, {@link IdentityResolver} does.
 *
 * <p>A runtime looks in the {@code Authorization} header first, then the subprotocols, then the
 * query. The query is the last resort: URLs end up in access logs.
 */
public final class BearerTokens {

  /** A subprotocol {@code parley.token.<jwt>} carries the token in a WebSocket handshake. */
  public static final String TOKEN_SUBPROTOCOL_PREFIX = "parley.token.";

  /** The query parameter carrying the token in a WebSocket handshake. */
  public static final String QUERY_PARAMETER = "token";

  /** RFC 9110 token: what a subprotocol name is made of (RFC 6455, section 4.1). */
  private static final Pattern HTTP_TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

  private static final String BEARER = "bearer";

  /**
   * The b64token characters by code, looked up rather than tested range by range: a token is a few
   * hundred characters, scanned on every request.
   */
  private static final boolean[] B64_CHARS = b64Chars();

  private BearerTokens() {}

  /**
   * The token of an {@code Authorization} header value: the scheme {@code Bearer} in any case, one
   * or more spaces, and exactly one token. Anything else (another scheme, no token, two tokens) is
   * empty.
   */
  public static Optional<String> fromAuthorizationHeader(String headerValue) {
    if (headerValue == null) {
      return Optional.empty();
    }
    // Surrounding spaces and tabs are not part of a field value (RFC 9110, section 5.5).
    String value = stripOws(headerValue);
    int space = value.indexOf(' ');
    if (space != BEARER.length() || !value.regionMatches(true, 0, BEARER, 0, space)) {
      return Optional.empty();
    }
    int start = space + 1;
    while (start < value.length() && value.charAt(start) == ' ') {
      start++;
    }
    String token = value.substring(start);
    return isB64Token(token) ? Optional.of(token) : Optional.empty();
  }

  /**
   * RFC 6750 b64token, {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}: a scan
   * rather than a regex, because it runs on every REST request (the regex was 7 % of a post's CPU
   * in the load benchmark).
   */
  static boolean isB64Token(String token) {
    int i = 0;
    int length = token.length();
    while (i < length && isB64Char(token.charAt(i))) {
      i++;
    }
    if (i == 0) {
      return false;
    }
    while (i < length && token.charAt(i) == '=') {
      i++;
    }
    return i == length;
  }

  private static boolean isB64Char(char c) {
    return c < B64_CHARS.length && B64_CHARS[c];
  }

  private static boolean[] b64Chars() {
    boolean[] chars = new boolean[128];
    for (char c = 'A'; c <= 'Z'; c++) {
      chars[c] = true;
      chars[Character.toLowerCase(c)] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      chars[c] = true;
    }
    for (char c : "-._~+/".toCharArray()) {
      chars[c] = true;
    }
    return chars;
  }

  /**
   * The token of a {@code Sec-WebSocket-Protocol} header value such as {@code parley.v1,
   * parley.token.<jwt>}: exactly one offered subprotocol must start with {@value
   * #TOKEN_SUBPROTOCOL_PREFIX}. The subprotocol to echo is the first other one offered (the one the
   * client wants to speak; the runtime still checks that it supports it), or the token subprotocol
   * itself when the client offered nothing else.
   */
  public static Optional<WebSocketCredentials> fromSecWebSocketProtocol(String headerValue) {
    return headerValue == null ? Optional.empty() : fromOfferedSubprotocols(List.of(headerValue));
  }

  /**
   * As {@link #fromSecWebSocketProtocol(String)}, for runtimes that hand over the offered
   * subprotocols as a list (one per element, or whole header lines: each element is split at
   * commas). Null elements and names that are not HTTP tokens are ignored.
   */
  public static Optional<WebSocketCredentials> fromOfferedSubprotocols(List<String> offered) {
    if (offered == null) {
      return Optional.empty();
    }
    List<String> protocols = new ArrayList<>();
    for (String line : offered) {
      if (line == null) {
        continue;
      }
      for (String protocol : line.split(",", -1)) {
        String name = stripOws(protocol);
        if (HTTP_TOKEN.matcher(name).matches()) {
          protocols.add(name);
        }
      }
    }
    List<String> tokenProtocols =
        protocols.stream().filter(p -> p.startsWith(TOKEN_SUBPROTOCOL_PREFIX)).toList();
    if (tokenProtocols.size() != 1) {
      // None, or several: choosing one would be guessing which identity the client meant.
      return Optional.empty();
    }
    String tokenProtocol = tokenProtocols.getFirst();
    String token = tokenProtocol.substring(TOKEN_SUBPROTOCOL_PREFIX.length());
    if (!isB64Token(token)) {
      return Optional.empty();
    }
    String echo =
        protocols.stream()
            .filter(p -> !p.startsWith(TOKEN_SUBPROTOCOL_PREFIX))
            .findFirst()
            .orElse(tokenProtocol);
    return Optional.of(new WebSocketCredentials(token, echo));
  }

  /**
   * The {@value #QUERY_PARAMETER} parameter of a handshake's query, already URL-decoded (as both
   * Jetty and API Gateway hand it over). Empty when absent or not a single well-formed token.
   */
  public static Optional<String> fromQueryParameters(Map<String, String> query) {
    if (query == null) {
      return Optional.empty();
    }
    String token = query.get(QUERY_PARAMETER);
    return token != null && isB64Token(token) ? Optional.of(token) : Optional.empty();
  }

  private static String stripOws(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isOws(value.charAt(start))) {
      start++;
    }
    while (end > start && isOws(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  private static boolean isOws(char c) {
    return c == ' ' || c == '\t';
  }
}

package dev.parley.adapter.lambda;

import dev.parley.protocol.auth.BearerTokens;
import dev.parley.protocol.auth.WebSocketCredentials;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The token of a WebSocket handshake as API Gateway hands it over, found as the Fargate runtime
 * finds it: {@code Authorization: Bearer}, else a {@code parley.token.<jwt>} subprotocol in {@code
 * Sec-WebSocket-Protocol}, else the {@code token} query parameter. Also names the subprotocol the
 * {@code $connect} response must echo (null when the client offered none).
 *
 * @param token the token, or null when there is none
 * @param subprotocol the subprotocol to echo, or null
 */
record HandshakeCredentials(String token, String subprotocol) {

  static final String SEC_WEBSOCKET_PROTOCOL = "Sec-WebSocket-Protocol";

  static HandshakeCredentials of(Map<String, String> headers, Map<String, String> query) {
    String offered = header(headers, SEC_WEBSOCKET_PROTOCOL);
    Optional<WebSocketCredentials> inSubprotocol = BearerTokens.fromSecWebSocketProtocol(offered);
    String echo =
        inSubprotocol
            .map(WebSocketCredentials::subprotocolToEcho)
            .orElseGet(
                () ->
                    offered == null
                        ? null
                        : Arrays.stream(offered.split(","))
                            .map(String::strip)
                            .filter(p -> !p.isEmpty())
                            .filter(p -> !p.startsWith(BearerTokens.TOKEN_SUBPROTOCOL_PREFIX))
                            .findFirst()
                            .orElse(null));
    String token =
        BearerTokens.fromAuthorizationHeader(header(headers, "Authorization"))
            .or(() -> inSubprotocol.map(WebSocketCredentials::token))
            .or(() -> BearerTokens.fromQueryParameters(query))
            .orElse(null);
    return new HandshakeCredentials(token, echo);
  }

  /** A header by name in any case; API Gateway keeps the client's spelling in WebSocket events. */
  static String header(Map<String, String> headers, String name) {
    if (headers == null) {
      return null;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey() != null && header.getKey().toLowerCase(Locale.ROOT).equals(lower)) {
        return header.getValue();
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "HandshakeCredentials[token=<redacted>]";
  }
}

package dev.parley.protocol.auth;

import java.util.Objects;

/**
 * A token found in the {@code Sec-WebSocket-Protocol} header of a WebSocket handshake, with the
 * subprotocol the server must echo in its 101 response (browsers drop the connection when the
 * server picks none of the offered ones). Neither component is null or blank. {@link #toString()}
 * hides the token, also when the echoed subprotocol is the one carrying it.
 */
public record WebSocketCredentials(String token, String subprotocolToEcho) {
  public WebSocketCredentials {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(subprotocolToEcho, "subprotocolToEcho");
    if (token.isBlank() || subprotocolToEcho.isBlank()) {
      throw new IllegalArgumentException("token and subprotocolToEcho must not be blank");
    }
  }

  @Override
  public String toString() {
    String echo =
        subprotocolToEcho.startsWith(BearerTokens.TOKEN_SUBPROTOCOL_PREFIX)
            ? BearerTokens.TOKEN_SUBPROTOCOL_PREFIX + "<redacted>"
            : subprotocolToEcho;
    return "WebSocketCredentials[token=<redacted>, subprotocolToEcho=" + echo + "]";
  }
}

package dev.parley.domain.presence;

import dev.parley.domain.shared.Identifiers;

/** One live client connection (a WebSocket), named by the transport that holds it. */
public record ConnectionId(String value) {
  public ConnectionId {
    Identifiers.require("connection id", value);
  }

  public static ConnectionId of(String value) {
    return new ConnectionId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}

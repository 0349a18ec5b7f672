package dev.parley.domain.message;

import dev.parley.domain.shared.Identifiers;

/** Identifies a message, server-assigned. Never blank. */
public record MessageId(String value) {
  public MessageId {
    Identifiers.require("message id", value);
  }

  public static MessageId of(String value) {
    return new MessageId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}

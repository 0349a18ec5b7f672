package dev.parley.protocol.json;

import java.util.Locale;

/** Small helpers for the wire format: enums travel in lower case. */
final class Wire {
  private Wire() {}

  static String lower(Enum<?> value) {
    return value == null ? null : value.name().toLowerCase(Locale.ROOT);
  }
}

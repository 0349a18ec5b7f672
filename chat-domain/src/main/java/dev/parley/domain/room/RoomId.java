package dev.parley.domain.room;

import dev.parley.domain.shared.Identifiers;

/** Identifies a room. Never blank; safe to put in a URL path. */
public record RoomId(String value) {
  public RoomId {
    Identifiers.require("room id", value);
  }

  public static RoomId of(String value) {
    return new RoomId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}

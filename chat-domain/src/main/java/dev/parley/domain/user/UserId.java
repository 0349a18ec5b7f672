package dev.parley.domain.user;

import dev.parley.domain.shared.Identifiers;

/** A user, as named by the identity provider (the JWT {@code sub} claim). Never blank. */
public record UserId(String value) implements Comparable<UserId> {
  public UserId {
    Identifiers.require("user id", value);
  }

  public static UserId of(String value) {
    return new UserId(value);
  }

  @Override
  public int compareTo(UserId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}

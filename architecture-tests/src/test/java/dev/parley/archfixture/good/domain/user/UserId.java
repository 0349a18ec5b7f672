package dev.parley.archfixture.good.domain.user;

import java.util.Objects;

/** Plain Java value. */
public record UserId(String value) {
  public UserId {
    Objects.requireNonNull(value, "value");
  }
}

package dev.parley.domain.access;

import java.util.Objects;

/** The answer of a rule: {@link Allowed} or {@link Denied} with the reason. Never null. */
public sealed interface Decision permits Decision.Allowed, Decision.Denied {

  static Decision allow() {
    return Allowed.INSTANCE;
  }

  static Decision deny(DenialReason reason) {
    return new Denied(reason);
  }

  default boolean isAllowed() {
    return this instanceof Allowed;
  }

  /** The action may go ahead. */
  record Allowed() implements Decision {
    static final Allowed INSTANCE = new Allowed();
  }

  /** The action is refused, for a reason the caller can show to the user. */
  record Denied(DenialReason reason) implements Decision {
    public Denied {
      Objects.requireNonNull(reason, "reason");
    }
  }
}

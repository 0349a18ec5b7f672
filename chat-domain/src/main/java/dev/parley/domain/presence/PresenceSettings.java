package dev.parley.domain.presence;

import java.time.Duration;
import java.util.Objects;

/**
 * Presence timing.
 *
 * @param heartbeatTtl how long a connection lives without a heartbeat; comfortably above the
 *     client's heartbeat interval, and below API Gateway's 10-minute idle timeout
 * @param idleAfter how long without activity makes a connected user AWAY (Matrix: about 5 min)
 * @param typingTtl how long a typing notice lasts without renewal (clients renew every 2 s)
 */
public record PresenceSettings(Duration heartbeatTtl, Duration idleAfter, Duration typingTtl) {
  public static final PresenceSettings DEFAULTS =
      new PresenceSettings(Duration.ofSeconds(90), Duration.ofMinutes(5), Duration.ofSeconds(6));

  public PresenceSettings {
    Objects.requireNonNull(heartbeatTtl, "heartbeatTtl");
    Objects.requireNonNull(idleAfter, "idleAfter");
    Objects.requireNonNull(typingTtl, "typingTtl");
    if (heartbeatTtl.isNegative() || heartbeatTtl.isZero()) {
      throw new IllegalArgumentException("heartbeatTtl must be positive");
    }
    if (idleAfter.isNegative() || idleAfter.isZero()) {
      throw new IllegalArgumentException("idleAfter must be positive");
    }
    if (typingTtl.isNegative() || typingTtl.isZero()) {
      throw new IllegalArgumentException("typingTtl must be positive");
    }
  }
}

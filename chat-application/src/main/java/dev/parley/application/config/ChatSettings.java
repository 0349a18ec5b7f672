package dev.parley.application.config;

import dev.parley.application.port.out.RateLimitPort.Limit;
import dev.parley.domain.presence.PresenceSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the core, supplied by each deployment's composition root.
 *
 * @param postLimit per user, across rooms
 * @param reactionLimit per user, across rooms
 * @param typingLimit per user and room; notices over it are dropped silently (clients send at most
 *     one every 2 s, so this only trims misbehaving clients)
 * @param roomCreationLimit per user
 */
public record ChatSettings(
    PresenceSettings presence,
    Limit postLimit,
    Limit reactionLimit,
    Limit typingLimit,
    Limit roomCreationLimit) {

  public static final ChatSettings DEFAULTS =
      new ChatSettings(
          PresenceSettings.DEFAULTS,
          new Limit(30, Duration.ofSeconds(10)),
          new Limit(60, Duration.ofSeconds(10)),
          new Limit(1, Duration.ofSeconds(1)),
          new Limit(10, Duration.ofMinutes(1)));

  public ChatSettings {
    Objects.requireNonNull(presence, "presence");
    Objects.requireNonNull(postLimit, "postLimit");
    Objects.requireNonNull(reactionLimit, "reactionLimit");
    Objects.requireNonNull(typingLimit, "typingLimit");
    Objects.requireNonNull(roomCreationLimit, "roomCreationLimit");
  }

  /**
   * The defaults with per-user limits raised out of the way (slow mode still applies), for load
   * tests and benchmarks where one user posts thousands of messages.
   */
  public static ChatSettings withoutUserLimits() {
    Limit huge = new Limit(Integer.MAX_VALUE, Duration.ofSeconds(1));
    return new ChatSettings(PresenceSettings.DEFAULTS, huge, huge, huge, huge);
  }

  public ChatSettings withPostLimit(Limit newPostLimit) {
    return new ChatSettings(presence, newPostLimit, reactionLimit, typingLimit, roomCreationLimit);
  }

  public ChatSettings withPresence(PresenceSettings newPresence) {
    return new ChatSettings(newPresence, postLimit, reactionLimit, typingLimit, roomCreationLimit);
  }
}

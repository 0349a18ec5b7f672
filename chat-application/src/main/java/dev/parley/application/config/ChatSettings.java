package dev.parley.application.config;

import dev.parley.application.port.out.RateLimitPort.Limit;
import dev.parley.domain.presence.PresenceSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the core, supplied by each deployment's composition root.
 *
 * @param postLimit per user, across rooms
 * @param reactionLimit per user, across rooms; adding and removing reactions alike
 * @param typingLimit per user and room; notices over it are dropped silently (clients send at most
 *     one every 2 s, so this only trims misbehaving clients)
 * @param roomCreationLimit per user
 * @param editLimit message edits per user, across rooms
 * @param joinLimit joins of rooms per user (joining a room one is already in is free)
 * @param inviteLimit invitations per inviting user
 * @param subscribeLimit WebSocket subscribe requests per user, however many rooms each names
 * @param deleteLimit message deletions per user, across rooms (a retry of a deletion is free)
 * @param directRoomLimit direct rooms opened (or reopened) per user
 */
public record ChatSettings(
    PresenceSettings presence,
    Limit postLimit,
    Limit reactionLimit,
    Limit typingLimit,
    Limit roomCreationLimit,
    Limit editLimit,
    Limit joinLimit,
    Limit inviteLimit,
    Limit subscribeLimit,
    Limit deleteLimit,
    Limit directRoomLimit) {

  public static final ChatSettings DEFAULTS =
      new ChatSettings(
          PresenceSettings.DEFAULTS,
          new Limit(30, Duration.ofSeconds(10)),
          new Limit(60, Duration.ofSeconds(10)),
          new Limit(1, Duration.ofSeconds(1)),
          new Limit(10, Duration.ofMinutes(1)),
          new Limit(30, Duration.ofSeconds(10)),
          new Limit(30, Duration.ofMinutes(1)),
          new Limit(60, Duration.ofMinutes(1)),
          new Limit(30, Duration.ofSeconds(10)),
          new Limit(30, Duration.ofSeconds(10)),
          new Limit(10, Duration.ofMinutes(1)));

  public ChatSettings {
    Objects.requireNonNull(presence, "presence");
    Objects.requireNonNull(postLimit, "postLimit");
    Objects.requireNonNull(reactionLimit, "reactionLimit");
    Objects.requireNonNull(typingLimit, "typingLimit");
    Objects.requireNonNull(roomCreationLimit, "roomCreationLimit");
    Objects.requireNonNull(editLimit, "editLimit");
    Objects.requireNonNull(joinLimit, "joinLimit");
    Objects.requireNonNull(inviteLimit, "inviteLimit");
    Objects.requireNonNull(subscribeLimit, "subscribeLimit");
    Objects.requireNonNull(deleteLimit, "deleteLimit");
    Objects.requireNonNull(directRoomLimit, "directRoomLimit");
  }

  /**
   * The defaults with per-user limits raised out of the way (slow mode still applies), for load
   * tests and benchmarks where one user posts thousands of messages.
   */
  public static ChatSettings withoutUserLimits() {
    Limit huge = new Limit(Integer.MAX_VALUE, Duration.ofSeconds(1));
    return new ChatSettings(
        PresenceSettings.DEFAULTS, huge, huge, huge, huge, huge, huge, huge, huge, huge, huge);
  }

  /** These settings with every per-user limit of writes other than posts set to {@code limit}. */
  public ChatSettings withOtherWriteLimits(Limit limit) {
    return new ChatSettings(
        presence, postLimit, limit, typingLimit, limit, limit, limit, limit, limit, limit, limit);
  }

  public ChatSettings withPostLimit(Limit newPostLimit) {
    return new ChatSettings(
        presence,
        newPostLimit,
        reactionLimit,
        typingLimit,
        roomCreationLimit,
        editLimit,
        joinLimit,
        inviteLimit,
        subscribeLimit,
        deleteLimit,
        directRoomLimit);
  }

  public ChatSettings withPresence(PresenceSettings newPresence) {
    return new ChatSettings(
        newPresence,
        postLimit,
        reactionLimit,
        typingLimit,
        roomCreationLimit,
        editLimit,
        joinLimit,
        inviteLimit,
        subscribeLimit,
        deleteLimit,
        directRoomLimit);
  }
}

package dev.parley.application.port.in;

import dev.parley.application.error.ErrorKind;
import dev.parley.domain.room.RoomId;

/**
 * The result of subscribing one connection to one room. A subscribe request names many rooms and
 * each can succeed or fail on its own.
 */
public sealed interface SubscriptionOutcome
    permits SubscriptionOutcome.Subscribed, SubscriptionOutcome.Refused {
  RoomId roomId();

  /**
   * @param resume what was missed since the requested sequence, or null when none was asked
   */
  record Subscribed(RoomId roomId, Resume resume) implements SubscriptionOutcome {}

  record Refused(RoomId roomId, ErrorKind kind, String detail) implements SubscriptionOutcome {}
}

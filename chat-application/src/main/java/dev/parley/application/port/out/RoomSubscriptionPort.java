package dev.parley.application.port.out;

import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.List;

/**
 * Which connections receive a room's events. Looked up by room, so delivering an event never scans
 * all connections. Subscriptions die with their connection (see {@link ConnectionRegistryPort}):
 * expired or removed connections are never returned.
 */
public interface RoomSubscriptionPort {
  /** Subscribes a registered connection to the room; idempotent. */
  void subscribe(RoomId roomId, ConnectionId connectionId, UserId userId);

  /** Unsubscribes; idempotent. */
  void unsubscribe(RoomId roomId, ConnectionId connectionId);

  /** The room's subscribed connections that are alive at {@code now}. */
  List<Subscriber> subscribers(RoomId roomId, Instant now);

  /**
   * Unsubscribes every connection of {@code userId} from the room (after a kick or ban). Returns
   * the connections that were subscribed.
   */
  List<ConnectionId> unsubscribeUser(RoomId roomId, UserId userId);
}

package dev.parley.application.port.out;

import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.presence.ConnectionId;
import java.util.Collection;

/**
 * Pushes events to client connections, wherever they are connected (this node, another node, API
 * Gateway). Delivery is best effort and must not throw for a connection that has gone away: clients
 * that miss events resume by sequence.
 */
public interface EventDeliveryPort {
  /** Sends the event to each of the recipients. */
  void deliver(ChatEvent event, Collection<ConnectionId> recipients);

  /** Closes the connections from the server side, for example after a ban. */
  void disconnect(Collection<ConnectionId> connections, DisconnectReason reason);

  /** Why the server closes a connection. */
  enum DisconnectReason {
    KICKED,
    BANNED
  }
}

package dev.parley.protocol.cluster;

import dev.parley.application.port.out.EventDeliveryPort.DisconnectReason;
import dev.parley.domain.presence.ConnectionId;
import java.util.List;
import java.util.Objects;

/** One thing a node asks the others to do with the connections they hold. Never null fields. */
public sealed interface ClusterMessage {

  /** The connections addressed; a node ignores those it does not hold. Never empty. */
  List<ConnectionId> recipients();

  /**
   * A WebSocket frame to send as is.
   *
   * @param frame the exact text the delivering node sent to its own sockets
   */
  record Frame(String frame, List<ConnectionId> recipients) implements ClusterMessage {
    public Frame {
      Objects.requireNonNull(frame, "frame");
      recipients = requireSome(recipients);
    }
  }

  /** Connections to close, because of a kick or a ban. */
  record Disconnect(List<ConnectionId> recipients, DisconnectReason reason)
      implements ClusterMessage {
    public Disconnect {
      recipients = requireSome(recipients);
      Objects.requireNonNull(reason, "reason");
    }
  }

  private static List<ConnectionId> requireSome(List<ConnectionId> recipients) {
    List<ConnectionId> copy = List.copyOf(recipients);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("a cluster message addresses at least one connection");
    }
    return copy;
  }
}

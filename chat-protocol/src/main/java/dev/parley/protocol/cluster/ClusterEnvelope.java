package dev.parley.protocol.cluster;

import dev.parley.application.port.out.EventDeliveryPort.DisconnectReason;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.protocol.http.ProblemException;
import dev.parley.protocol.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A {@link ClusterMessage} and the node that sent it, as one line of JSON, for buses whose
 * transport carries text. The frame inside is opaque: the event's own encoding happened once, on
 * the sending node, so this class never changes when an event does.
 *
 * @param origin the sending node, so that a bus can skip its own messages without a query
 */
public record ClusterEnvelope(String origin, ClusterMessage message) {
  private static final String FRAME = "frame";
  private static final String DISCONNECT = "disconnect";

  public ClusterEnvelope {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(message, "message");
  }

  /** The wire form; reads back with {@link #decode}. */
  public String encode() {
    Wire wire =
        switch (message) {
          case ClusterMessage.Frame f ->
              new Wire(origin, FRAME, ids(f.recipients()), f.frame(), null);
          case ClusterMessage.Disconnect d ->
              new Wire(origin, DISCONNECT, ids(d.recipients()), null, d.reason());
        };
    return Json.writeString(wire);
  }

  /**
   * Reads what {@link #encode} wrote.
   *
   * @throws IllegalArgumentException saying what is wrong, for anything else: a bus drops such a
   *     message (another version, or not ours) instead of failing on it
   */
  public static ClusterEnvelope decode(String text) {
    Wire wire;
    try {
      wire = Json.read(text.getBytes(StandardCharsets.UTF_8), Wire.class);
    } catch (ProblemException e) {
      throw new IllegalArgumentException("not a cluster envelope: " + e.getMessage(), e);
    }
    List<ConnectionId> to = required(wire.to(), "to").stream().map(ConnectionId::of).toList();
    ClusterMessage message =
        switch (required(wire.type(), "type")) {
          case FRAME -> new ClusterMessage.Frame(required(wire.frame(), "frame"), to);
          case DISCONNECT -> new ClusterMessage.Disconnect(to, required(wire.reason(), "reason"));
          default ->
              throw new IllegalArgumentException("unknown cluster message type " + wire.type());
        };
    return new ClusterEnvelope(required(wire.origin(), "origin"), message);
  }

  private static <T> T required(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException("cluster envelope lacks its " + field);
    }
    return value;
  }

  private static List<String> ids(List<ConnectionId> recipients) {
    return recipients.stream().map(ConnectionId::value).toList();
  }

  /** The JSON shape; a record so that the protocol's strict reader checks it. */
  record Wire(String origin, String type, List<String> to, String frame, DisconnectReason reason) {}
}

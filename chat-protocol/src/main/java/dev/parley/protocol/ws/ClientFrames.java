package dev.parley.protocol.ws;

import java.util.List;

/**
 * The frames clients send: JSON objects with an {@code action} (so API Gateway can route on {@code
 * $request.body.action}) and an optional {@code requestId} echoed in the answer.
 */
public final class ClientFrames {
  private ClientFrames() {}

  /** Subscribe to rooms, each optionally resuming after a sequence. */
  public record Subscribe(String action, String requestId, List<Room> rooms) {
    /** One room of a subscribe; {@code afterSeq} null for no resume. */
    public record Room(String roomId, Long afterSeq) {}
  }

  public record Unsubscribe(String action, String requestId, List<String> roomIds) {}

  public record PostMessage(
      String action,
      String requestId,
      String roomId,
      String text,
      String clientMessageId,
      String parentId) {}

  public record Typing(String action, String requestId, String roomId, Boolean typing) {}

  public record MarkRead(String action, String requestId, String roomId, Long sequence) {}

  /** A heartbeat; {@code active} says the user did something since the last one. */
  public record Ping(String action, String requestId, Boolean active) {}

  /** Asks for the {@code hello} frame (which Lambda cannot send unasked). */
  public record SayHello(String action, String requestId) {}
}

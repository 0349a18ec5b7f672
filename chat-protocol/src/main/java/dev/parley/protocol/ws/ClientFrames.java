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

  /** The first message to count as unread again; as {@code POST /rooms/{roomId}/unread}. */
  public record MarkUnread(String action, String requestId, String roomId, Long sequence) {}

  /** As {@code PATCH /rooms/{roomId}/messages/{messageId}}. */
  public record EditMessage(
      String action, String requestId, String roomId, String messageId, String text) {}

  /** As {@code DELETE /rooms/{roomId}/messages/{messageId}}. */
  public record DeleteMessage(String action, String requestId, String roomId, String messageId) {}

  /** As {@code PUT /rooms/{roomId}/messages/{messageId}/reactions/{emoji}}. */
  public record AddReaction(
      String action, String requestId, String roomId, String messageId, String emoji) {}

  /** As {@code DELETE /rooms/{roomId}/messages/{messageId}/reactions/{emoji}}. */
  public record RemoveReaction(
      String action, String requestId, String roomId, String messageId, String emoji) {}

  /** A heartbeat; {@code active} says the user did something since the last one. */
  public record Ping(String action, String requestId, Boolean active) {}

  /** Asks for the {@code hello} frame (which Lambda cannot send unasked). */
  public record SayHello(String action, String requestId) {}
}

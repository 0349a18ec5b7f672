package dev.parley.protocol.ws;

import dev.parley.protocol.json.HistoryJson;
import dev.parley.protocol.json.ProblemJson;
import dev.parley.protocol.json.ReadMarkerJson;
import java.util.List;

/** The frames the server sends, besides {@code event} frames (see EventJson). */
public final class ServerFrames {
  private ServerFrames() {}

  /**
   * Who you are and what is unread: the first frame on a new connection where the runtime can send
   * one (Fargate), and the answer to {@code sayHello} on every runtime.
   *
   * @param requestId the {@code sayHello}'s, echoed; null (absent) on the unasked one
   */
  public record Hello(
      String type,
      String connectionId,
      String userId,
      ReadMarkerJson.UnreadJson unread,
      String requestId) {}

  /**
   * The last frame before the server cuts the connection (kicked or banned), on every runtime: API
   * Gateway's DeleteConnection cannot say why with a close code, so this frame does.
   *
   * @param reason {@code kicked} or {@code banned}
   */
  public record Closing(String type, String reason, String detail) {}

  /** A request succeeded; {@code result} depends on the action. */
  public record Ack(String type, String action, String requestId, Object result) {}

  /** The answer to a ping. */
  public record Pong(String type, String requestId) {}

  /**
   * A request failed; the problem has the same types as the REST API's.
   *
   * @param retryAfter whole seconds to wait, on {@code rate-limited} only; else null (absent)
   */
  public record Error(
      String type, String action, String requestId, Long retryAfter, ProblemJson problem) {}

  /** The result of a subscribe: one entry per requested room. */
  public record SubscribeResult(List<RoomResult> rooms) {}

  /** One room of a subscribe: subscribed (with what was missed) or refused (with why). */
  public record RoomResult(
      String roomId, boolean subscribed, HistoryJson.ResumeJson resume, ProblemJson problem) {}
}

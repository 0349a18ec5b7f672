package dev.parley.protocol.json;

import dev.parley.application.port.in.MessageView;
import dev.parley.domain.message.Message;
import dev.parley.domain.reaction.Reaction;
import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.List;

/**
 * A message on the wire. {@code text} is absent once the message is deleted; the tombstone keeps
 * its sequence.
 */
public record MessageJson(
    String id,
    String roomId,
    long sequence,
    String author,
    String text,
    String parentId,
    int replyCount,
    String clientMessageId,
    Instant createdAt,
    Instant editedAt,
    Instant deletedAt,
    boolean deleted,
    boolean pinned,
    List<ReactionJson> reactions) {

  /** One emoji's reactions. */
  public record ReactionJson(String emoji, int count, List<String> users) {
    static ReactionJson of(Reaction r) {
      return new ReactionJson(
          r.emoji().value(), r.count(), r.users().stream().map(UserId::value).toList());
    }
  }

  public static MessageJson of(MessageView view) {
    return of(view.message(), view.reactions().stream().map(ReactionJson::of).toList());
  }

  /** A message without its reactions (new messages, events). */
  public static MessageJson of(Message m) {
    return of(m, List.of());
  }

  private static MessageJson of(Message m, List<ReactionJson> reactions) {
    return new MessageJson(
        m.id().value(),
        m.roomId().value(),
        m.sequence(),
        m.author().value(),
        m.body(),
        m.parentId() == null ? null : m.parentId().value(),
        m.replyCount(),
        m.clientMessageId() == null ? null : m.clientMessageId().value(),
        m.createdAt(),
        m.editedAt(),
        m.deletedAt(),
        m.deleted(),
        m.pinned(),
        reactions);
  }
}

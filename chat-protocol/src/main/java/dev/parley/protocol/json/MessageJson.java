package dev.parley.protocol.json;

import dev.parley.application.port.in.MessageView;
import dev.parley.domain.message.Mentions;
import dev.parley.domain.message.Message;
import dev.parley.domain.reaction.Reaction;
import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.List;

/**
 * A message on the wire. {@code text} is absent once the message is deleted; the tombstone keeps
 * its sequence. {@code reactions} is absent in events. {@code mentions} lists the users the text
 * names, members or not; only members were notified and counted. {@code authorBlocked} is present,
 * and true, only in history and thread pages of a reader who blocks the author.
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
    List<String> mentions,
    Boolean authorBlocked,
    List<ReactionJson> reactions) {

  /** One emoji's reactions. */
  public record ReactionJson(String emoji, int count, List<String> users) {
    static ReactionJson of(Reaction r) {
      return new ReactionJson(
          r.emoji().value(), r.count(), r.users().stream().map(UserId::value).toList());
    }
  }

  public static MessageJson of(MessageView view) {
    // Most messages have no reactions, a new one never: no stream for an empty list.
    List<Reaction> reactions = view.reactions();
    return of(
        view.message(),
        reactions.isEmpty() ? List.of() : reactions.stream().map(ReactionJson::of).toList(),
        view.authorBlocked() ? Boolean.TRUE : null);
  }

  /** A new message, which has no reactions yet. */
  public static MessageJson of(Message m) {
    return of(m, List.of(), null);
  }

  /**
   * A message in an event, without the reactions field: the event does not know them, and an empty
   * list would tell clients to clear what they have.
   */
  public static MessageJson inEvent(Message m) {
    return of(m, null, null);
  }

  /**
   * The users the text names (see {@link Mentions}); the common text without '@' allocates nothing.
   */
  private static List<String> mentions(String body) {
    List<UserId> users = Mentions.in(body);
    return users.isEmpty() ? List.of() : users.stream().map(UserId::value).toList();
  }

  private static MessageJson of(Message m, List<ReactionJson> reactions, Boolean authorBlocked) {
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
        mentions(m.body()),
        authorBlocked,
        reactions);
  }
}

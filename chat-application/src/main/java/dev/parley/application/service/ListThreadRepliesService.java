package dev.parley.application.service;

import dev.parley.application.error.InvalidInputException;
import dev.parley.application.port.in.ListThreadRepliesQuery;
import dev.parley.application.port.in.ListThreadRepliesUseCase;
import dev.parley.application.port.in.MessageView;
import dev.parley.application.port.in.Page;
import dev.parley.application.port.out.MessageHistoryPort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.message.Message;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;
import java.util.List;

/** Lists a thread's replies, oldest first. */
public final class ListThreadRepliesService implements ListThreadRepliesUseCase {
  private final CommandValidator validator;
  private final RoomAccess access;
  private final MessageLookup lookup;
  private final MessageHistoryPort history;
  private final Views views;

  @Inject
  ListThreadRepliesService(
      CommandValidator validator,
      RoomAccess access,
      MessageLookup lookup,
      MessageHistoryPort history,
      Views views) {
    this.validator = validator;
    this.access = access;
    this.lookup = lookup;
    this.history = history;
    this.views = views;
  }

  @Override
  public Page<MessageView> listThreadReplies(ListThreadRepliesQuery query) {
    validator.validate(query);
    RoomId roomId = RoomId.of(query.roomId());
    access.enter(query.actor(), roomId, Action.READ);
    Message root = lookup.require(roomId, query.messageId());
    if (root.isReply()) {
      throw InvalidInputException.of("messageId", "is a reply, not a thread root");
    }
    String scope = roomId.value() + '/' + root.id().value();
    long after =
        query.cursor() == null
            ? 0
            : parse(Cursors.decode(query.cursor(), Cursors.Kind.REPLIES, scope));
    int limit = query.limit() == null ? Page.DEFAULT_LIMIT : query.limit();
    List<Message> rows = history.replies(roomId, root.id(), after, limit + 1);
    boolean more = rows.size() > limit;
    List<Message> page = more ? rows.subList(0, limit) : rows;
    String next =
        more
            ? Cursors.encode(
                Cursors.Kind.REPLIES, scope, Long.toString(page.get(limit - 1).sequence()))
            : null;
    return new Page<>(views.messages(query.actor(), roomId, page), next);
  }

  private static long parse(String position) {
    try {
      return Long.parseLong(position);
    } catch (NumberFormatException e) {
      throw InvalidInputException.of("cursor", "is not a cursor issued for this listing");
    }
  }
}

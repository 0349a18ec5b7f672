package dev.parley.application.service;

import dev.parley.application.port.in.ListPinnedMessagesQuery;
import dev.parley.application.port.in.ListPinnedMessagesUseCase;
import dev.parley.application.port.in.MessageView;
import dev.parley.application.port.in.Page;
import dev.parley.application.port.out.PinnedMessagesPort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.message.Message;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Lists a room's pinned messages, newest message first. Pins carry no time of their own, so the
 * order is the messages' sequence; the cursor is the sequence of the last message shown.
 */
public final class ListPinnedMessagesService implements ListPinnedMessagesUseCase {
  private final CommandValidator validator;
  private final RoomAccess access;
  private final PinnedMessagesPort pins;
  private final Views views;

  @Inject
  ListPinnedMessagesService(
      CommandValidator validator, RoomAccess access, PinnedMessagesPort pins, Views views) {
    this.validator = validator;
    this.access = access;
    this.pins = pins;
    this.views = views;
  }

  @Override
  public Page<MessageView> listPinnedMessages(ListPinnedMessagesQuery query) {
    validator.validate(query);
    RoomId roomId = RoomId.of(query.roomId());
    access.enter(query.actor(), roomId, Action.READ);
    long before =
        query.cursor() == null
            ? Long.MAX_VALUE
            : Cursors.decodeSequence(query.cursor(), Cursors.Kind.PINS, roomId);
    int limit = query.limit() == null ? Page.DEFAULT_LIMIT : query.limit();
    List<Message> rows = pins.pinned(roomId, before, limit + 1);
    boolean more = rows.size() > limit;
    List<Message> page = more ? rows.subList(0, limit) : rows;
    String next =
        more ? Cursors.encode(Cursors.Kind.PINS, roomId, page.get(limit - 1).sequence()) : null;
    return new Page<>(views.messages(roomId, page), next);
  }
}

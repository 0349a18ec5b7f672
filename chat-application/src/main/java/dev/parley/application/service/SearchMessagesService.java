package dev.parley.application.service;

import dev.parley.application.error.InvalidInputException;
import dev.parley.application.port.in.MessageView;
import dev.parley.application.port.in.Page;
import dev.parley.application.port.in.SearchMessagesQuery;
import dev.parley.application.port.in.SearchMessagesUseCase;
import dev.parley.application.port.out.MessageSearchPort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.message.Message;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;
import java.util.List;

/** Searches a room the caller may read, newest first, with the same access rule as history. */
public final class SearchMessagesService implements SearchMessagesUseCase {
  private final CommandValidator validator;
  private final RoomAccess access;
  private final MessageSearchPort search;
  private final Views views;

  @Inject
  SearchMessagesService(
      CommandValidator validator, RoomAccess access, MessageSearchPort search, Views views) {
    this.validator = validator;
    this.access = access;
    this.search = search;
    this.views = views;
  }

  @Override
  public Page<MessageView> searchMessages(SearchMessagesQuery query) {
    validator.validate(query);
    RoomId roomId = RoomId.of(query.roomId());
    access.enter(query.actor(), roomId, Action.READ);
    String terms = query.q().strip();
    // The cursor names the search too: the next page of one search must not continue another.
    String scope = roomId.value() + '/' + Integer.toHexString(terms.hashCode());
    long before =
        query.cursor() == null
            ? Long.MAX_VALUE
            : parse(Cursors.decode(query.cursor(), Cursors.Kind.SEARCH, scope));
    int limit = query.limit() == null ? Page.DEFAULT_LIMIT : query.limit();
    List<Message> rows = search.search(roomId, terms, before, limit + 1);
    boolean more = rows.size() > limit;
    List<Message> page = more ? rows.subList(0, limit) : rows;
    String next =
        more
            ? Cursors.encode(
                Cursors.Kind.SEARCH, scope, Long.toString(page.get(limit - 1).sequence()))
            : null;
    return new Page<>(views.messages(roomId, page), next);
  }

  private static long parse(String position) {
    try {
      long sequence = Long.parseLong(position);
      if (sequence > 0) {
        return sequence;
      }
    } catch (NumberFormatException e) {
      // falls through to the same refusal as any foreign cursor
    }
    throw InvalidInputException.of("cursor", "is not a cursor issued for this listing");
  }
}

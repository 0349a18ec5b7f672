package dev.parley.application.service;

import dev.parley.application.error.InvalidInputException;
import dev.parley.application.port.in.HistoryPage;
import dev.parley.application.port.in.ListHistoryQuery;
import dev.parley.application.port.in.ListHistoryUseCase;
import dev.parley.application.port.in.Page;
import dev.parley.application.port.out.MessageHistoryPort;
import dev.parley.application.port.out.RoomSequencePort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.message.Message;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** Reads history windows by sequence: latest, before, after, around, or from a cursor. */
public final class ListHistoryService implements ListHistoryUseCase {
  private final CommandValidator validator;
  private final RoomAccess access;
  private final MessageHistoryPort history;
  private final RoomSequencePort sequences;
  private final Views views;

  @Inject
  ListHistoryService(
      CommandValidator validator,
      RoomAccess access,
      MessageHistoryPort history,
      RoomSequencePort sequences,
      Views views) {
    this.validator = validator;
    this.access = access;
    this.history = history;
    this.sequences = sequences;
    this.views = views;
  }

  @Override
  public HistoryPage listHistory(ListHistoryQuery query) {
    validator.validate(query);
    int anchors =
        (query.before() != null ? 1 : 0)
            + (query.after() != null ? 1 : 0)
            + (query.around() != null ? 1 : 0)
            + (query.cursor() != null ? 1 : 0);
    if (anchors > 1) {
      throw InvalidInputException.of("", "give at most one of before, after, around and cursor");
    }
    RoomId roomId = RoomId.of(query.roomId());
    access.enter(query.actor(), roomId, Action.READ);
    UserId viewer = query.actor();
    int limit = query.limit() == null ? Page.DEFAULT_LIMIT : query.limit();
    if (query.cursor() != null) {
      Cursors.Kind kind = Cursors.historyKind(query.cursor());
      long sequence = Cursors.decodeSequence(query.cursor(), kind, roomId);
      return kind == Cursors.Kind.HISTORY_BEFORE
          ? before(viewer, roomId, sequence, limit)
          : after(viewer, roomId, sequence, limit);
    }
    if (query.after() != null) {
      return after(viewer, roomId, query.after(), limit);
    }
    if (query.around() != null) {
      return around(viewer, roomId, query.around(), limit);
    }
    return before(viewer, roomId, query.before() == null ? Long.MAX_VALUE : query.before(), limit);
  }

  private HistoryPage before(UserId viewer, RoomId roomId, long before, int limit) {
    List<Message> rows = history.before(roomId, before, limit + 1);
    boolean older = rows.size() > limit;
    List<Message> page = older ? rows.subList(1, rows.size()) : rows;
    String newer = null;
    if (before != Long.MAX_VALUE) {
      long lastShown = page.isEmpty() ? before - 1 : last(page);
      if (lastShown < sequences.lastSequence(roomId)) {
        newer = Cursors.encode(Cursors.Kind.HISTORY_AFTER, roomId, lastShown);
      }
    }
    String olderCursor =
        older ? Cursors.encode(Cursors.Kind.HISTORY_BEFORE, roomId, first(page)) : null;
    return new HistoryPage(views.messages(viewer, roomId, page), olderCursor, newer);
  }

  private HistoryPage after(UserId viewer, RoomId roomId, long after, int limit) {
    List<Message> rows = history.after(roomId, after, limit + 1);
    boolean newer = rows.size() > limit;
    List<Message> page = newer ? rows.subList(0, limit) : rows;
    return new HistoryPage(
        views.messages(viewer, roomId, page),
        olderCursor(roomId, page, after + 1),
        newer ? Cursors.encode(Cursors.Kind.HISTORY_AFTER, roomId, last(page)) : null);
  }

  /** Half a page before the sequence, the rest from it on. */
  private HistoryPage around(UserId viewer, RoomId roomId, long around, int limit) {
    List<Message> older = history.before(roomId, around, limit / 2);
    List<Message> newerRows = history.after(roomId, around - 1, limit - older.size() + 1);
    boolean newer = newerRows.size() > limit - older.size();
    List<Message> page = new ArrayList<>(older);
    page.addAll(newer ? newerRows.subList(0, limit - older.size()) : newerRows);
    return new HistoryPage(
        views.messages(viewer, roomId, page),
        olderCursor(roomId, page, around),
        newer ? Cursors.encode(Cursors.Kind.HISTORY_AFTER, roomId, last(page)) : null);
  }

  /** Sequences start at 1 and stay dense, so anything above 1 has something before it. */
  private static String olderCursor(RoomId roomId, List<Message> page, long emptyBoundary) {
    long firstShown = page.isEmpty() ? emptyBoundary : first(page);
    return firstShown > 1 ? Cursors.encode(Cursors.Kind.HISTORY_BEFORE, roomId, firstShown) : null;
  }

  private static long first(List<Message> page) {
    return page.get(0).sequence();
  }

  private static long last(List<Message> page) {
    return page.get(page.size() - 1).sequence();
  }
}

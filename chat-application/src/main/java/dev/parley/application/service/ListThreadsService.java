package dev.parley.application.service;

import dev.parley.application.port.in.ListThreadsQuery;
import dev.parley.application.port.in.ListThreadsUseCase;
import dev.parley.application.port.in.MessageView;
import dev.parley.application.port.in.Page;
import dev.parley.application.port.in.ThreadView;
import dev.parley.application.port.out.ThreadListPort;
import dev.parley.application.port.out.ThreadListPort.ThreadEntry;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.message.Message;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists a room's threads, latest reply first. The cursor is the last reply's sequence of the last
 * thread shown: each reply belongs to one thread, so it names one place in the order. A thread that
 * gets a new reply moves above the cursor and is not shown again on later pages.
 */
public final class ListThreadsService implements ListThreadsUseCase {
  private final CommandValidator validator;
  private final RoomAccess access;
  private final ThreadListPort threads;
  private final Views views;

  @Inject
  ListThreadsService(
      CommandValidator validator, RoomAccess access, ThreadListPort threads, Views views) {
    this.validator = validator;
    this.access = access;
    this.threads = threads;
    this.views = views;
  }

  @Override
  public Page<ThreadView> listThreads(ListThreadsQuery query) {
    validator.validate(query);
    RoomId roomId = RoomId.of(query.roomId());
    access.enter(query.actor(), roomId, Action.READ);
    long before =
        query.cursor() == null
            ? Long.MAX_VALUE
            : Cursors.decodeSequence(query.cursor(), Cursors.Kind.THREADS, roomId);
    int limit = query.limit() == null ? Page.DEFAULT_LIMIT : query.limit();
    List<ThreadEntry> rows = threads.threads(roomId, before, limit + 1);
    boolean more = rows.size() > limit;
    List<ThreadEntry> page = more ? rows.subList(0, limit) : rows;
    // One reactions lookup for the roots and last replies of the whole page.
    List<Message> messages = new ArrayList<>(page.size() * 2);
    for (ThreadEntry thread : page) {
      messages.add(thread.root());
      messages.add(thread.lastReply());
    }
    List<MessageView> shown = views.messages(roomId, messages);
    List<ThreadView> items = new ArrayList<>(page.size());
    for (int i = 0; i < page.size(); i++) {
      items.add(new ThreadView(shown.get(2 * i), shown.get(2 * i + 1)));
    }
    String next =
        more
            ? Cursors.encode(
                Cursors.Kind.THREADS, roomId, page.get(limit - 1).lastReply().sequence())
            : null;
    return new Page<>(items, next);
  }
}

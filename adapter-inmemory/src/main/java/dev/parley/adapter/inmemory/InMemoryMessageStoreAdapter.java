package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.AppendResult;
import dev.parley.application.port.out.MessageHistoryPort;
import dev.parley.application.port.out.MessageStorePort;
import dev.parley.application.port.out.PinnedMessagesPort;
import dev.parley.application.port.out.RoomSequencePort;
import dev.parley.application.port.out.ThreadListPort;
import dev.parley.domain.message.ChangeOutcome;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageChange;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.message.NewMessage;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Messages in memory, thread-safe. Per room, appends and changes are serialised by a lock (dense,
 * unique sequences; atomic idempotency per author and client message id; atomic reply counts) and
 * reads are lock-free. Results are never null; lists are unmodifiable and in ascending sequence
 * order. A limit of 0 gives an empty page; a negative one throws {@link IllegalArgumentException}.
 *
 * <p>A reply whose parent is not in the room is stored without counting it anywhere: checking the
 * parent is the use case's job ({@link dev.parley.domain.message.ThreadRules}). Appending a second
 * message with an id already used in the room throws {@link IllegalArgumentException}.
 */
@Singleton
public final class InMemoryMessageStoreAdapter
    implements MessageStorePort,
        MessageHistoryPort,
        RoomSequencePort,
        PinnedMessagesPort,
        ThreadListPort {
  @Inject
  public InMemoryMessageStoreAdapter() {}

  private final ConcurrentHashMap<RoomId, RoomLog> rooms = new ConcurrentHashMap<>();

  @Override
  public AppendResult append(NewMessage message) {
    RoomLog log = rooms.get(message.roomId());
    if (log == null) {
      log = rooms.computeIfAbsent(message.roomId(), RoomLog::new);
    }
    return log.append(message);
  }

  @Override
  public Optional<Message> find(RoomId roomId, MessageId messageId) {
    RoomLog log = rooms.get(roomId);
    return log == null ? Optional.empty() : log.find(messageId);
  }

  @Override
  public Optional<ChangeOutcome> change(RoomId roomId, MessageId messageId, MessageChange change) {
    RoomLog log = rooms.get(roomId);
    return log == null ? Optional.empty() : log.change(messageId, change);
  }

  @Override
  public List<Message> before(RoomId roomId, long beforeSequence, int limit) {
    Pages.requireLimit(limit);
    RoomLog log = rooms.get(roomId);
    return log == null ? List.of() : log.before(beforeSequence, limit);
  }

  @Override
  public List<Message> after(RoomId roomId, long afterSequence, int limit) {
    Pages.requireLimit(limit);
    RoomLog log = rooms.get(roomId);
    return log == null ? List.of() : log.after(afterSequence, limit);
  }

  @Override
  public List<Message> replies(RoomId roomId, MessageId parentId, long afterSequence, int limit) {
    Pages.requireLimit(limit);
    RoomLog log = rooms.get(roomId);
    return log == null ? List.of() : log.replies(parentId, afterSequence, limit);
  }

  @Override
  public long lastSequence(RoomId roomId) {
    RoomLog log = rooms.get(roomId);
    return log == null ? 0 : log.lastSequence();
  }

  @Override
  public long countUnread(RoomId roomId, long afterSequence, UserId reader) {
    RoomLog log = rooms.get(roomId);
    return log == null ? 0 : log.countUnread(afterSequence, reader);
  }

  @Override
  public Map<RoomId, Instant> lastActivity(Collection<RoomId> roomIds) {
    Map<RoomId, Instant> activity = new HashMap<>();
    for (RoomId roomId : roomIds) {
      RoomLog log = rooms.get(roomId);
      Instant at = log == null ? null : log.lastActivity();
      if (at != null) {
        activity.put(roomId, at);
      }
    }
    return activity;
  }

  @Override
  public List<Message> pinned(RoomId roomId, long beforeSequence, int limit) {
    Pages.requireLimit(limit);
    RoomLog log = rooms.get(roomId);
    return log == null ? List.of() : log.pinned(beforeSequence, limit);
  }

  @Override
  public List<ThreadEntry> threads(RoomId roomId, long beforeSequence, int limit) {
    Pages.requireLimit(limit);
    RoomLog log = rooms.get(roomId);
    return log == null ? List.of() : log.threads(beforeSequence, limit);
  }
}

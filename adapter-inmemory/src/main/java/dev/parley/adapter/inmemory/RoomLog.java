package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.AppendResult;
import dev.parley.application.port.out.ThreadListPort;
import dev.parley.domain.message.ChangeOutcome;
import dev.parley.domain.message.ClientMessageId;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageChange;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.message.NewMessage;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One room's messages. Writes take the room's lock; reads take none. Every read is bounded by
 * {@link #lastSequence}, which is published only after the message under it is in the map, so a
 * reader never sees a later message without the earlier ones (no transient holes).
 */
final class RoomLog {
  private record ClientKey(UserId author, ClientMessageId clientMessageId) {}

  private final RoomId roomId;
  private final ReentrantLock lock = new ReentrantLock();
  private final ConcurrentSkipListMap<Long, Message> bySequence = new ConcurrentSkipListMap<>();
  private final ConcurrentHashMap<MessageId, Long> sequenceById = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<MessageId, ConcurrentSkipListSet<Long>> repliesByParent =
      new ConcurrentHashMap<>();
  // Written under the lock with the message's pin flag; readers check the flag again.
  private final ConcurrentSkipListSet<Long> pinnedSequences = new ConcurrentSkipListSet<>();
  // Guarded by lock.
  private final HashMap<ClientKey, Long> sequenceByClientKey = new HashMap<>();
  private volatile long lastSequence;

  RoomLog(RoomId roomId) {
    this.roomId = roomId;
  }

  AppendResult append(NewMessage draft) {
    lock.lock();
    try {
      ClientKey clientKey =
          draft.clientMessageId() == null
              ? null
              : new ClientKey(draft.author(), draft.clientMessageId());
      if (clientKey != null) {
        Long original = sequenceByClientKey.get(clientKey);
        if (original != null) {
          return new AppendResult.Replayed(bySequence.get(original));
        }
      }
      if (sequenceById.containsKey(draft.id())) {
        throw new IllegalArgumentException("message id already used in this room: " + draft.id());
      }
      // Every stored message stays in the heap (and is copied by each young GC until it is old):
      // one boxed sequence for both maps, and this log's RoomId instead of each draft's equal copy.
      Long sequence = lastSequence + 1;
      Message message = Message.fromDraft(withThisRoomId(draft), sequence);
      bySequence.put(sequence, message);
      sequenceById.put(message.id(), sequence);
      if (clientKey != null) {
        sequenceByClientKey.put(clientKey, sequence);
      }
      if (draft.parentId() != null) {
        addReply(draft.parentId(), sequence);
      }
      lastSequence = sequence;
      return new AppendResult.Appended(message);
    } finally {
      lock.unlock();
    }
  }

  private NewMessage withThisRoomId(NewMessage draft) {
    if (draft.roomId() == roomId) {
      return draft;
    }
    return new NewMessage(
        draft.id(),
        roomId,
        draft.author(),
        draft.body(),
        draft.parentId(),
        draft.clientMessageId(),
        draft.createdAt());
  }

  // Caller holds the lock.
  private void addReply(MessageId parentId, long replySequence) {
    repliesByParent
        .computeIfAbsent(parentId, id -> new ConcurrentSkipListSet<>())
        .add(replySequence);
    Long parentSequence = sequenceById.get(parentId);
    if (parentSequence != null) {
      bySequence.computeIfPresent(parentSequence, (seq, parent) -> parent.withReplyAdded());
    }
  }

  Optional<Message> find(MessageId id) {
    Long sequence = sequenceById.get(id);
    return sequence == null ? Optional.empty() : Optional.ofNullable(bySequence.get(sequence));
  }

  Optional<ChangeOutcome> change(MessageId id, MessageChange change) {
    lock.lock();
    try {
      Long sequence = sequenceById.get(id);
      if (sequence == null) {
        return Optional.empty();
      }
      ChangeOutcome outcome = bySequence.get(sequence).apply(change);
      if (outcome instanceof ChangeOutcome.Applied applied) {
        bySequence.put(sequence, applied.message());
        if (applied.message().pinned()) {
          pinnedSequences.add(sequence);
        } else {
          pinnedSequences.remove(sequence);
        }
      }
      return Optional.of(outcome);
    } finally {
      lock.unlock();
    }
  }

  long lastSequence() {
    return lastSequence;
  }

  /** The creation time of the latest message, or null before the first. */
  Instant lastActivity() {
    long last = lastSequence;
    return last == 0 ? null : bySequence.get(last).createdAt();
  }

  List<Message> before(long beforeSequence, int limit) {
    if (beforeSequence <= 1 || limit == 0) {
      return List.of();
    }
    long upTo = Math.min(beforeSequence - 1, lastSequence);
    if (upTo < 1) {
      return List.of();
    }
    // Sequences are dense, so the page is exactly [upTo - limit + 1, upTo]. Reading it forwards
    // matters: a skip list walks backwards with one search per step.
    long from = Math.max(1, upTo - limit + 1);
    return Pages.firstOf(bySequence.subMap(from, true, upTo, true).values(), limit);
  }

  List<Message> after(long afterSequence, int limit) {
    long upTo = lastSequence;
    if (afterSequence >= upTo) {
      return List.of();
    }
    return Pages.firstOf(bySequence.subMap(afterSequence, false, upTo, true).values(), limit);
  }

  List<Message> replies(MessageId parentId, long afterSequence, int limit) {
    ConcurrentSkipListSet<Long> replies = repliesByParent.get(parentId);
    long upTo = lastSequence;
    if (replies == null || afterSequence >= upTo) {
      return List.of();
    }
    NavigableSet<Long> window = replies.subSet(afterSequence, false, upTo, true);
    List<Message> page = new ArrayList<>(Math.min(limit, 64));
    for (Iterator<Long> it = window.iterator(); page.size() < limit && it.hasNext(); ) {
      page.add(bySequence.get(it.next()));
    }
    return Collections.unmodifiableList(page);
  }

  long countUnread(long afterSequence, UserId reader) {
    long upTo = lastSequence;
    if (afterSequence >= upTo) {
      return 0;
    }
    long unread = 0;
    for (Map.Entry<Long, Message> entry :
        bySequence.subMap(afterSequence, false, upTo, true).entrySet()) {
      Message message = entry.getValue();
      if (!message.deleted() && !message.author().equals(reader)) {
        unread++;
      }
    }
    return unread;
  }

  List<Message> pinned(long beforeSequence, int limit) {
    List<Message> page = new ArrayList<>(Math.min(limit, 64));
    for (Iterator<Long> it = pinnedSequences.headSet(beforeSequence, false).descendingIterator();
        page.size() < limit && it.hasNext(); ) {
      Message message = bySequence.get(it.next());
      if (message != null && message.pinned()) {
        page.add(message);
      }
    }
    return Collections.unmodifiableList(page);
  }

  /** Every thread whose last visible reply is below {@code beforeSequence}, latest reply first. */
  List<ThreadListPort.ThreadEntry> threads(long beforeSequence, int limit) {
    long upTo = lastSequence;
    List<ThreadListPort.ThreadEntry> threads = new ArrayList<>();
    for (Map.Entry<MessageId, ConcurrentSkipListSet<Long>> thread : repliesByParent.entrySet()) {
      Long rootSequence = sequenceById.get(thread.getKey());
      NavigableSet<Long> replies = thread.getValue().headSet(upTo, true);
      if (rootSequence == null || replies.isEmpty() || replies.last() >= beforeSequence) {
        continue;
      }
      threads.add(
          new ThreadListPort.ThreadEntry(
              bySequence.get(rootSequence), bySequence.get(replies.last())));
    }
    threads.sort(
        Comparator.comparingLong((ThreadListPort.ThreadEntry t) -> t.lastReply().sequence())
            .reversed());
    return List.copyOf(threads.subList(0, Math.min(limit, threads.size())));
  }
}

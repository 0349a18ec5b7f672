package dev.parley.application.service;

import dev.parley.application.port.in.Page;
import dev.parley.application.port.in.Resume;
import dev.parley.application.port.out.MessageHistoryPort;
import dev.parley.application.port.out.RoomSequencePort;
import dev.parley.domain.message.Message;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Works out what a client missed. Within one page it gets everything; beyond that it gets the
 * latest page, a {@code limited} flag and a cursor to backfill (as Matrix /sync does), so a client
 * that was away for a week is not flooded.
 */
@Singleton
final class RoomResumer {
  private final MessageHistoryPort history;
  private final RoomSequencePort sequences;
  private final Views views;

  @Inject
  RoomResumer(MessageHistoryPort history, RoomSequencePort sequences, Views views) {
    this.history = history;
    this.sequences = sequences;
    this.views = views;
  }

  Resume resume(RoomId roomId, long afterSequence, Integer requestedLimit) {
    int limit = requestedLimit == null ? Page.MAX_LIMIT : requestedLimit;
    long last = sequences.lastSequence(roomId);
    if (afterSequence >= last) {
      return new Resume(roomId, List.of(), false, null, last);
    }
    if (last - afterSequence <= limit) {
      List<Message> missed = history.after(roomId, afterSequence, limit);
      return new Resume(roomId, views.messages(roomId, missed), false, null, last);
    }
    List<Message> latest = history.before(roomId, last + 1, limit);
    String older =
        latest.isEmpty()
            ? null
            : Cursors.encode(Cursors.Kind.HISTORY_BEFORE, roomId, latest.get(0).sequence());
    return new Resume(roomId, views.messages(roomId, latest), true, older, last);
  }
}

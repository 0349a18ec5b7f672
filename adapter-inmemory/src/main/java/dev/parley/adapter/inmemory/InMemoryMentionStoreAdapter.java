package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.MentionStorePort;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/** Mentions in memory, thread-safe: per room and user, the sorted sequences that mention them. */
@Singleton
public final class InMemoryMentionStoreAdapter implements MentionStorePort {
  private record Key(RoomId roomId, UserId userId) {}

  private final ConcurrentHashMap<Key, NavigableSet<Long>> sequences = new ConcurrentHashMap<>();

  @Inject
  public InMemoryMentionStoreAdapter() {}

  @Override
  public void add(RoomId roomId, long sequence, Collection<UserId> users) {
    for (UserId user : users) {
      sequences
          .computeIfAbsent(new Key(roomId, user), k -> new ConcurrentSkipListSet<>())
          .add(sequence);
    }
  }

  @Override
  public void remove(RoomId roomId, long sequence, Collection<UserId> users) {
    for (UserId user : users) {
      NavigableSet<Long> mentioned = sequences.get(new Key(roomId, user));
      if (mentioned != null) {
        mentioned.remove(sequence);
      }
    }
  }

  @Override
  public long countAfter(RoomId roomId, UserId user, long afterSequence) {
    NavigableSet<Long> mentioned = sequences.get(new Key(roomId, user));
    return mentioned == null ? 0 : mentioned.tailSet(afterSequence, false).size();
  }
}

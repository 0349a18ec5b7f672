package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.ReadStatePort;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read markers in memory, thread-safe. {@link #advance} is an atomic maximum, so it is idempotent
 * and concurrent calls end at the highest sequence.
 */
@Singleton
public final class InMemoryReadStateAdapter implements ReadStatePort {
  @Inject
  public InMemoryReadStateAdapter() {}

  private record Key(RoomId roomId, UserId userId) {}

  private final ConcurrentHashMap<Key, Long> markers = new ConcurrentHashMap<>();

  @Override
  public long lastRead(RoomId roomId, UserId userId) {
    return markers.getOrDefault(new Key(roomId, userId), 0L);
  }

  @Override
  public long advance(RoomId roomId, UserId userId, long sequence) {
    requireNotNegative(sequence);
    return markers.merge(new Key(roomId, userId), sequence, Math::max);
  }

  @Override
  public void reset(RoomId roomId, UserId userId, long sequence) {
    requireNotNegative(sequence);
    markers.put(new Key(roomId, userId), sequence);
  }

  private static void requireNotNegative(long sequence) {
    if (sequence < 0) {
      throw new IllegalArgumentException("a read marker is 0 or a sequence, was " + sequence);
    }
  }
}

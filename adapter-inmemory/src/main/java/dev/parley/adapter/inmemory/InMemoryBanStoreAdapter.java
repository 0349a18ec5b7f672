package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.BanStorePort;
import dev.parley.domain.member.Ban;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bans in memory, thread-safe. Results are never null; {@link #remove} is idempotent and of
 * concurrent removals of one ban exactly one answers true. Expired bans stay until removed.
 */
@Singleton
public final class InMemoryBanStoreAdapter implements BanStorePort {
  @Inject
  public InMemoryBanStoreAdapter() {}

  private record Key(RoomId roomId, UserId userId) {}

  private final ConcurrentHashMap<Key, Ban> bans = new ConcurrentHashMap<>();

  @Override
  public Optional<Ban> find(RoomId roomId, UserId userId) {
    return Optional.ofNullable(bans.get(new Key(roomId, userId)));
  }

  @Override
  public void save(Ban ban) {
    bans.put(new Key(ban.roomId(), ban.userId()), ban);
  }

  @Override
  public boolean remove(RoomId roomId, UserId userId) {
    return bans.remove(new Key(roomId, userId)) != null;
  }
}

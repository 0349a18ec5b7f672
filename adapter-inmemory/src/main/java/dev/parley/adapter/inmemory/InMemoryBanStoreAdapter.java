package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.BanListPort;
import dev.parley.application.port.out.BanStorePort;
import dev.parley.domain.member.Ban;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Bans in memory, thread-safe. Results are never null; {@link #remove} is idempotent and of
 * concurrent removals of one ban exactly one answers true. Expired bans stay until removed.
 */
@Singleton
public final class InMemoryBanStoreAdapter implements BanStorePort, BanListPort {
  @Inject
  public InMemoryBanStoreAdapter() {}

  private final ConcurrentHashMap<RoomId, ConcurrentSkipListMap<UserId, Ban>> byRoom =
      new ConcurrentHashMap<>();

  @Override
  public Optional<Ban> find(RoomId roomId, UserId userId) {
    Map<UserId, Ban> bans = byRoom.get(roomId);
    return bans == null ? Optional.empty() : Optional.ofNullable(bans.get(userId));
  }

  @Override
  public void save(Ban ban) {
    byRoom
        .computeIfAbsent(ban.roomId(), id -> new ConcurrentSkipListMap<>())
        .put(ban.userId(), ban);
  }

  @Override
  public boolean remove(RoomId roomId, UserId userId) {
    Map<UserId, Ban> bans = byRoom.get(roomId);
    return bans != null && bans.remove(userId) != null;
  }

  @Override
  public List<Ban> bans(RoomId roomId, UserId afterUserId, Instant now, int limit) {
    Pages.requireLimit(limit);
    ConcurrentSkipListMap<UserId, Ban> bans = byRoom.get(roomId);
    if (bans == null) {
      return List.of();
    }
    List<Ban> page = new ArrayList<>(Math.min(limit, 64));
    for (Ban ban : (afterUserId == null ? bans : bans.tailMap(afterUserId, false)).values()) {
      if (page.size() == limit) {
        break;
      }
      if (ban.activeAt(now)) {
        page.add(ban);
      }
    }
    return List.copyOf(page);
  }
}

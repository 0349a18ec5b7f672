package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.BlockCheckPort;
import dev.parley.application.port.out.BlockListPort;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/** Block lists in memory, thread-safe: per blocker, the sorted set of users they block. */
@Singleton
public final class InMemoryBlockListAdapter implements BlockListPort, BlockCheckPort {
  private final ConcurrentHashMap<UserId, NavigableSet<UserId>> lists = new ConcurrentHashMap<>();

  @Inject
  public InMemoryBlockListAdapter() {}

  @Override
  public void block(UserId blocker, UserId blocked) {
    lists.computeIfAbsent(blocker, k -> new ConcurrentSkipListSet<>()).add(blocked);
  }

  @Override
  public boolean unblock(UserId blocker, UserId blocked) {
    NavigableSet<UserId> list = lists.get(blocker);
    return list != null && list.remove(blocked);
  }

  @Override
  public List<UserId> blockedBy(UserId blocker, UserId after, int limit) {
    NavigableSet<UserId> list = lists.get(blocker);
    if (list == null || limit <= 0) {
      return List.of();
    }
    List<UserId> page = new ArrayList<>(Math.min(limit, 64));
    for (UserId user : after == null ? list : list.tailSet(after, false)) {
      if (page.size() == limit) {
        break;
      }
      page.add(user);
    }
    return page;
  }

  @Override
  public Set<UserId> blockedAmong(UserId blocker, Collection<UserId> users) {
    NavigableSet<UserId> list = lists.get(blocker);
    if (list == null || list.isEmpty()) {
      return Set.of();
    }
    Set<UserId> blocked = new HashSet<>();
    for (UserId user : users) {
      if (list.contains(user)) {
        blocked.add(user);
      }
    }
    return blocked;
  }
}

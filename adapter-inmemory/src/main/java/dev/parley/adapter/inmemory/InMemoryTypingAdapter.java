package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.TypingPort;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Typing notices in memory, thread-safe. A typer counts until just before its {@code expiresAt} (at
 * {@code expiresAt} it is gone). Returned lists are never null, unmodifiable, and sorted by user
 * id. Both methods are idempotent.
 */
@Singleton
public final class InMemoryTypingAdapter implements TypingPort {
  @Inject
  public InMemoryTypingAdapter() {}

  private final ConcurrentHashMap<RoomId, ConcurrentSkipListMap<UserId, Instant>> rooms =
      new ConcurrentHashMap<>();

  @Override
  public List<UserId> startTyping(RoomId roomId, UserId userId, Instant expiresAt, Instant now) {
    ConcurrentSkipListMap<UserId, Instant> typers =
        rooms.computeIfAbsent(roomId, id -> new ConcurrentSkipListMap<>());
    typers.put(userId, expiresAt);
    return typingAt(typers, now);
  }

  @Override
  public List<UserId> stopTyping(RoomId roomId, UserId userId, Instant now) {
    ConcurrentSkipListMap<UserId, Instant> typers = rooms.get(roomId);
    if (typers == null) {
      return List.of();
    }
    typers.remove(userId);
    return typingAt(typers, now);
  }

  private static List<UserId> typingAt(ConcurrentSkipListMap<UserId, Instant> typers, Instant now) {
    List<UserId> typing = new ArrayList<>();
    for (Map.Entry<UserId, Instant> entry : typers.entrySet()) {
      if (now.isBefore(entry.getValue())) {
        typing.add(entry.getKey());
      } else if (entry.getValue().isBefore(now)) {
        // Long gone: drop it so rooms do not accumulate typers. Conditional, so a concurrent
        // refresh survives; entries expiring exactly now stay for callers with an earlier clock.
        typers.remove(entry.getKey(), entry.getValue());
      }
    }
    return List.copyOf(typing);
  }
}

package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.MemberListPort;
import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.application.port.out.OwnerStepDownPort;
import dev.parley.application.port.out.StepDown;
import dev.parley.domain.access.Role;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Memberships in memory, thread-safe, indexed both ways: per room by user id and per user by room
 * id. Writes to one (room, user) pair are serialised so the two indexes never disagree once a call
 * returns. Results are never null; {@link #remove} is idempotent and of concurrent removals exactly
 * one answers true. Pages are keyset pages with an exclusive {@code after}, ordered by the ids'
 * {@link String#compareTo} order; a limit of 0 gives an empty page, a negative one throws {@link
 * IllegalArgumentException}. The guarded writes of {@link OwnerStepDownPort} also hold a per-room
 * lock while they count the owners and write, so two owners stepping down at once are serialised.
 */
@Singleton
public final class InMemoryMembershipAdapter
    implements MembershipStorePort, MemberListPort, OwnerStepDownPort {
  private static final int STRIPES = 64;

  private final ConcurrentHashMap<RoomId, ConcurrentSkipListMap<UserId, Membership>> byRoom =
      new ConcurrentHashMap<>();
  // Keyed by the room id's string: RoomId is not Comparable.
  private final ConcurrentHashMap<UserId, ConcurrentSkipListMap<String, Membership>> byUser =
      new ConcurrentHashMap<>();
  private final Object[] locks = new Object[STRIPES];
  private final Object[] roomLocks = new Object[STRIPES];

  @Inject
  public InMemoryMembershipAdapter() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
      roomLocks[i] = new Object();
    }
  }

  @Override
  public Optional<Membership> find(RoomId roomId, UserId userId) {
    ConcurrentSkipListMap<UserId, Membership> members = byRoom.get(roomId);
    return members == null ? Optional.empty() : Optional.ofNullable(members.get(userId));
  }

  @Override
  public void save(Membership membership) {
    synchronized (lockFor(membership.roomId(), membership.userId())) {
      byRoom
          .computeIfAbsent(membership.roomId(), id -> new ConcurrentSkipListMap<>())
          .put(membership.userId(), membership);
      byUser
          .computeIfAbsent(membership.userId(), id -> new ConcurrentSkipListMap<>())
          .put(membership.roomId().value(), membership);
    }
  }

  @Override
  public boolean remove(RoomId roomId, UserId userId) {
    synchronized (lockFor(roomId, userId)) {
      ConcurrentSkipListMap<UserId, Membership> members = byRoom.get(roomId);
      boolean removed = members != null && members.remove(userId) != null;
      ConcurrentSkipListMap<String, Membership> rooms = byUser.get(userId);
      if (rooms != null) {
        rooms.remove(roomId.value());
      }
      return removed;
    }
  }

  @Override
  public StepDown saveUnlessLastOwner(Membership membership) {
    synchronized (roomLockFor(membership.roomId())) {
      if (membership.role() != Role.OWNER
          && isLastOwner(membership.roomId(), membership.userId())) {
        return new StepDown.LastOwner();
      }
      save(membership);
      return new StepDown.Applied();
    }
  }

  @Override
  public StepDown removeUnlessLastOwner(RoomId roomId, UserId userId) {
    synchronized (roomLockFor(roomId)) {
      if (isLastOwner(roomId, userId)) {
        return new StepDown.LastOwner();
      }
      remove(roomId, userId);
      return new StepDown.Applied();
    }
  }

  private boolean isLastOwner(RoomId roomId, UserId userId) {
    return find(roomId, userId).map(m -> m.role() == Role.OWNER).orElse(false)
        && countWithRole(roomId, Role.OWNER) <= 1;
  }

  @Override
  public List<Membership> members(RoomId roomId, UserId afterUserId, int limit) {
    Pages.requireLimit(limit);
    ConcurrentSkipListMap<UserId, Membership> members = byRoom.get(roomId);
    if (members == null) {
      return List.of();
    }
    return Pages.firstOf(tail(members, afterUserId).values(), limit);
  }

  @Override
  public List<Membership> roomsOf(UserId userId, RoomId afterRoomId, int limit) {
    Pages.requireLimit(limit);
    ConcurrentSkipListMap<String, Membership> rooms = byUser.get(userId);
    if (rooms == null) {
      return List.of();
    }
    String after = afterRoomId == null ? null : afterRoomId.value();
    return Pages.firstOf(tail(rooms, after).values(), limit);
  }

  @Override
  public long countWithRole(RoomId roomId, Role role) {
    ConcurrentSkipListMap<UserId, Membership> members = byRoom.get(roomId);
    if (members == null) {
      return 0;
    }
    long count = 0;
    for (Membership membership : members.values()) {
      if (membership.role() == role) {
        count++;
      }
    }
    return count;
  }

  private static <K, V> Map<K, V> tail(NavigableMap<K, V> map, K after) {
    return after == null ? map : map.tailMap(after, false);
  }

  private Object roomLockFor(RoomId roomId) {
    int hash = roomId.hashCode();
    return roomLocks[(hash ^ (hash >>> 16)) & (STRIPES - 1)];
  }

  private Object lockFor(RoomId roomId, UserId userId) {
    int hash = roomId.hashCode() * 31 + userId.hashCode();
    return locks[(hash ^ (hash >>> 16)) & (STRIPES - 1)];
  }
}

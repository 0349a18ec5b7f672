package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.application.port.out.RoomSubscriptionPort;
import dev.parley.application.port.out.Subscriber;
import dev.parley.domain.presence.Connection;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connections and their room subscriptions in memory, thread-safe. A connection is alive up to and
 * including its {@code expiresAt} (the instant must have passed for it to be dead, as in {@link
 * Connection#aliveAt}). Subscribers are indexed per room, so {@link #subscribers} reads only the
 * room's entries. Writes concerning one connection are serialised, so {@link #remove} never leaves
 * a subscription behind. Results are never null; every write is idempotent.
 *
 * <p>Expired connections are filtered out on every read but kept until removed; a long-running host
 * calls {@link #purgeExpired} now and then to reclaim them.
 */
@Singleton
public final class InMemoryConnectionAdapter
    implements ConnectionRegistryPort, RoomSubscriptionPort {
  private static final int STRIPES = 64;

  private record Entry(Connection connection, Instant expiresAt) {
    boolean aliveAt(Instant now) {
      return !now.isAfter(expiresAt);
    }
  }

  private final ConcurrentHashMap<ConnectionId, Entry> connections = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<UserId, Set<ConnectionId>> connectionsByUser =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<RoomId, ConcurrentHashMap<ConnectionId, UserId>> subscriptions =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<ConnectionId, Set<RoomId>> roomsByConnection =
      new ConcurrentHashMap<>();
  private final Object[] locks = new Object[STRIPES];

  @Inject
  public InMemoryConnectionAdapter() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  @Override
  public void register(Connection connection, Instant expiresAt) {
    ConnectionId id = connection.id();
    synchronized (lockFor(id)) {
      Entry previous = connections.put(id, new Entry(connection, expiresAt));
      if (previous != null && !previous.connection().userId().equals(connection.userId())) {
        forgetUserConnection(previous.connection().userId(), id);
      }
      connectionsByUser
          .computeIfAbsent(connection.userId(), user -> ConcurrentHashMap.newKeySet())
          .add(id);
    }
  }

  @Override
  public Optional<Connection> find(ConnectionId id, Instant now) {
    Entry entry = connections.get(id);
    return entry != null && entry.aliveAt(now) ? Optional.of(entry.connection()) : Optional.empty();
  }

  @Override
  public Optional<Connection> remove(ConnectionId id) {
    synchronized (lockFor(id)) {
      Entry entry = connections.remove(id);
      if (entry != null) {
        forgetUserConnection(entry.connection().userId(), id);
      }
      Set<RoomId> rooms = roomsByConnection.remove(id);
      if (rooms != null) {
        for (RoomId room : rooms) {
          Map<ConnectionId, UserId> subscribers = subscriptions.get(room);
          if (subscribers != null) {
            subscribers.remove(id);
          }
        }
      }
      return entry == null ? Optional.empty() : Optional.of(entry.connection());
    }
  }

  @Override
  public List<Connection> byUser(UserId userId, Instant now) {
    Set<ConnectionId> ids = connectionsByUser.get(userId);
    if (ids == null) {
      return List.of();
    }
    List<Connection> alive = new ArrayList<>(ids.size());
    for (ConnectionId id : ids) {
      Entry entry = connections.get(id);
      if (entry != null && entry.aliveAt(now) && entry.connection().userId().equals(userId)) {
        alive.add(entry.connection());
      }
    }
    return Collections.unmodifiableList(alive);
  }

  @Override
  public void subscribe(RoomId roomId, ConnectionId connectionId, UserId userId) {
    synchronized (lockFor(connectionId)) {
      subscriptions
          .computeIfAbsent(roomId, room -> new ConcurrentHashMap<>())
          .put(connectionId, userId);
      roomsByConnection
          .computeIfAbsent(connectionId, id -> ConcurrentHashMap.newKeySet())
          .add(roomId);
    }
  }

  @Override
  public void unsubscribe(RoomId roomId, ConnectionId connectionId) {
    synchronized (lockFor(connectionId)) {
      dropSubscription(roomId, connectionId);
    }
  }

  @Override
  public List<Subscriber> subscribers(RoomId roomId, Instant now) {
    Map<ConnectionId, UserId> subscribers = subscriptions.get(roomId);
    if (subscribers == null || subscribers.isEmpty()) {
      return List.of();
    }
    List<Subscriber> alive = new ArrayList<>(subscribers.size());
    for (Map.Entry<ConnectionId, UserId> subscription : subscribers.entrySet()) {
      Entry entry = connections.get(subscription.getKey());
      if (entry != null && entry.aliveAt(now)) {
        alive.add(new Subscriber(subscription.getKey(), subscription.getValue()));
      }
    }
    return Collections.unmodifiableList(alive);
  }

  /** Also returns subscribed connections that have expired but were never removed. */
  @Override
  public List<ConnectionId> unsubscribeUser(RoomId roomId, UserId userId) {
    Map<ConnectionId, UserId> subscribers = subscriptions.get(roomId);
    if (subscribers == null) {
      return List.of();
    }
    List<ConnectionId> unsubscribed = new ArrayList<>();
    for (Map.Entry<ConnectionId, UserId> subscription : subscribers.entrySet()) {
      if (!subscription.getValue().equals(userId)) {
        continue;
      }
      ConnectionId id = subscription.getKey();
      synchronized (lockFor(id)) {
        if (subscribers.remove(id, userId)) {
          forgetRoom(id, roomId);
          unsubscribed.add(id);
        }
      }
    }
    return Collections.unmodifiableList(unsubscribed);
  }

  /**
   * Removes, with their subscriptions, the connections that are dead at {@code now}. Returns how
   * many it removed.
   */
  public int purgeExpired(Instant now) {
    int purged = 0;
    for (Map.Entry<ConnectionId, Entry> entry : connections.entrySet()) {
      if (entry.getValue().aliveAt(now)) {
        continue;
      }
      ConnectionId id = entry.getKey();
      synchronized (lockFor(id)) {
        // Checked again under the lock: a heartbeat may have refreshed it meanwhile.
        Entry current = connections.get(id);
        if (current != null && !current.aliveAt(now) && remove(id).isPresent()) {
          purged++;
        }
      }
    }
    return purged;
  }

  // Caller holds the connection's lock.
  private void dropSubscription(RoomId roomId, ConnectionId connectionId) {
    Map<ConnectionId, UserId> subscribers = subscriptions.get(roomId);
    if (subscribers != null) {
      subscribers.remove(connectionId);
    }
    forgetRoom(connectionId, roomId);
  }

  private void forgetRoom(ConnectionId connectionId, RoomId roomId) {
    Set<RoomId> rooms = roomsByConnection.get(connectionId);
    if (rooms != null) {
      rooms.remove(roomId);
    }
  }

  private void forgetUserConnection(UserId userId, ConnectionId id) {
    Set<ConnectionId> ids = connectionsByUser.get(userId);
    if (ids != null) {
      ids.remove(id);
    }
  }

  private Object lockFor(ConnectionId id) {
    int hash = id.hashCode();
    return locks[(hash ^ (hash >>> 16)) & (STRIPES - 1)];
  }
}

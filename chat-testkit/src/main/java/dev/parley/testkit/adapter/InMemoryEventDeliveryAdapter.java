package dev.parley.testkit.adapter;

import dev.parley.application.port.out.EventDeliveryPort;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.presence.ConnectionId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Records what would have been pushed: every event per recipient connection, and every server-side
 * disconnect with its reason. Thread-safe. A delivery with no recipients is ignored entirely (not
 * recorded, listeners not called), which keeps benchmarks cheap. Never throws for an unknown
 * connection; getters never return null and return snapshots.
 *
 * <p>A runtime plugs real sockets in with {@link #onDeliver} and {@link #onDisconnect}. Listeners
 * run on the caller's thread after recording; a listener that throws is counted in {@link
 * #listenerFailures()} and does not fail the delivery, since delivery is best effort.
 */
public final class InMemoryEventDeliveryAdapter implements EventDeliveryPort {
  private final ConcurrentHashMap<ConnectionId, List<ChatEvent>> eventsByConnection =
      new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<ChatEvent> allEvents = new ConcurrentLinkedQueue<>();
  private final ConcurrentHashMap<ConnectionId, DisconnectReason> disconnects =
      new ConcurrentHashMap<>();
  private final List<BiConsumer<ChatEvent, Collection<ConnectionId>>> deliverListeners =
      new CopyOnWriteArrayList<>();
  private final List<BiConsumer<Collection<ConnectionId>, DisconnectReason>> disconnectListeners =
      new CopyOnWriteArrayList<>();
  private volatile boolean recording = true;
  private final AtomicLong listenerFailures = new AtomicLong();

  @Override
  public void deliver(ChatEvent event, Collection<ConnectionId> recipients) {
    if (recipients.isEmpty()) {
      return;
    }
    if (recording) {
      allEvents.add(event);
      for (ConnectionId recipient : recipients) {
        eventsByConnection
            .computeIfAbsent(recipient, id -> Collections.synchronizedList(new ArrayList<>()))
            .add(event);
      }
    }
    for (BiConsumer<ChatEvent, Collection<ConnectionId>> listener : deliverListeners) {
      try {
        listener.accept(event, recipients);
      } catch (RuntimeException e) {
        listenerFailures.incrementAndGet();
      }
    }
  }

  @Override
  public void disconnect(Collection<ConnectionId> connections, DisconnectReason reason) {
    if (connections.isEmpty()) {
      return;
    }
    if (recording) {
      for (ConnectionId connection : connections) {
        disconnects.put(connection, reason);
      }
    }
    for (BiConsumer<Collection<ConnectionId>, DisconnectReason> listener : disconnectListeners) {
      try {
        listener.accept(connections, reason);
      } catch (RuntimeException e) {
        listenerFailures.incrementAndGet();
      }
    }
  }

  /** The events delivered to {@code connection}, oldest first; empty when none. */
  public List<ChatEvent> eventsFor(ConnectionId connection) {
    List<ChatEvent> events = eventsByConnection.get(connection);
    if (events == null) {
      return List.of();
    }
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** Every event delivered to at least one connection, once each, in delivery order. */
  public List<ChatEvent> allEvents() {
    return List.copyOf(allEvents);
  }

  /** The events of {@link #allEvents()} of one type, for example {@code MessagePosted.class}. */
  public <E extends ChatEvent> List<E> allEvents(Class<E> type) {
    return allEvents.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Every connection closed by the server, with the latest reason it was closed for. */
  public Map<ConnectionId, DisconnectReason> disconnects() {
    return Map.copyOf(disconnects);
  }

  /** Forgets everything recorded; listeners stay. */
  public void clear() {
    allEvents.clear();
    eventsByConnection.clear();
    disconnects.clear();
  }

  /**
   * Switches recording on or off (on by default). Off, deliveries only reach the listeners: for
   * long benchmarks and servers that would otherwise keep every event.
   */
  public void recording(boolean on) {
    recording = on;
  }

  /** Calls {@code listener} with every delivery that has recipients. */
  public void onDeliver(BiConsumer<ChatEvent, Collection<ConnectionId>> listener) {
    deliverListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Calls {@code listener} with every disconnect that names connections. */
  public void onDisconnect(BiConsumer<Collection<ConnectionId>, DisconnectReason> listener) {
    disconnectListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** How many times a listener threw. */
  public long listenerFailures() {
    return listenerFailures.get();
  }
}

package dev.parley.application.service;

import dev.parley.application.port.out.EventDeliveryPort;
import dev.parley.application.port.out.RoomSubscriptionPort;
import dev.parley.application.port.out.Subscriber;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.presence.ConnectionId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends a room's events to the live connections subscribed to that room: a lookup by room, never a
 * scan of all connections.
 */
@Singleton
final class EventPublisher {
  private final RoomSubscriptionPort subscriptions;
  private final EventDeliveryPort delivery;

  @Inject
  EventPublisher(RoomSubscriptionPort subscriptions, EventDeliveryPort delivery) {
    this.subscriptions = subscriptions;
    this.delivery = delivery;
  }

  void publish(ChatEvent event, Instant now) {
    List<Subscriber> subscribers = subscriptions.subscribers(event.roomId(), now);
    if (subscribers.isEmpty()) {
      return;
    }
    List<ConnectionId> recipients = new ArrayList<>(subscribers.size());
    for (Subscriber subscriber : subscribers) {
      recipients.add(subscriber.connectionId());
    }
    delivery.deliver(event, recipients);
  }
}

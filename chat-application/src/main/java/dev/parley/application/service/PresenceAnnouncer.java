package dev.parley.application.service;

import dev.parley.application.config.ChatSettings;
import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.application.port.out.MemberListPort;
import dev.parley.application.port.out.RoomStorePort;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.member.Membership;
import dev.parley.domain.presence.Presence;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/**
 * Tells a user's rooms when the user's presence changes. Only on a change, and only to rooms that
 * have presence events on: presence is what melts chat servers in big rooms.
 */
@Singleton
final class PresenceAnnouncer {
  private static final int PAGE = 100;

  private final ConnectionRegistryPort connections;
  private final MemberListPort members;
  private final RoomStorePort rooms;
  private final EventPublisher events;
  private final ChatSettings settings;

  @Inject
  PresenceAnnouncer(
      ConnectionRegistryPort connections,
      MemberListPort members,
      RoomStorePort rooms,
      EventPublisher events,
      ChatSettings settings) {
    this.connections = connections;
    this.members = members;
    this.rooms = rooms;
    this.events = events;
    this.settings = settings;
  }

  Presence presenceOf(UserId user, Instant now) {
    return Presence.of(user, connections.byUser(user, now), now, settings.presence());
  }

  /** Announces {@code after} to the user's rooms if its status differs from {@code before}. */
  void announceIfChanged(Presence before, Presence after, Instant now) {
    if (before.status() == after.status()) {
      return;
    }
    RoomId cursor = null;
    while (true) {
      List<Membership> page = members.roomsOf(after.userId(), cursor, PAGE);
      for (Membership membership : page) {
        rooms
            .find(membership.roomId())
            .filter(room -> room.settings().presenceEvents())
            .ifPresent(
                room ->
                    events.publish(
                        new ChatEvent.PresenceChanged(
                            room.id(), after.userId(), after.status(), after.lastActiveAt(), now),
                        now));
      }
      if (page.size() < PAGE) {
        return;
      }
      cursor = page.get(page.size() - 1).roomId();
    }
  }
}

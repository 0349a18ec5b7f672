package dev.parley.application.service;

import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.application.port.out.EventDeliveryPort;
import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.application.port.out.MentionStorePort;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.message.Mentions;
import dev.parley.domain.message.Message;
import dev.parley.domain.presence.Connection;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the mention index in step with message texts and tells mentioned members. Only members of
 * the room other than the author are recorded and told; a text without '@' costs one {@code
 * indexOf} and no store call.
 */
@Singleton
final class MentionNotifier {
  private final MentionStorePort mentions;
  private final MembershipStorePort memberships;
  private final ConnectionRegistryPort connections;
  private final EventDeliveryPort delivery;

  @Inject
  MentionNotifier(
      MentionStorePort mentions,
      MembershipStorePort memberships,
      ConnectionRegistryPort connections,
      EventDeliveryPort delivery) {
    this.mentions = mentions;
    this.memberships = memberships;
    this.connections = connections;
    this.delivery = delivery;
  }

  void posted(Message message, Instant now) {
    mention(message, Mentions.in(message.body()), now);
  }

  /**
   * Mentions the edit added are recorded and told; mentions it removed stop counting. A mention
   * kept by the edit is left as it was, so nobody hears of it twice.
   */
  void edited(Message before, Message after, Instant now) {
    List<UserId> old = Mentions.in(before.body());
    List<UserId> current = Mentions.in(after.body());
    if (old.isEmpty() && current.isEmpty()) {
      return;
    }
    List<UserId> removed = new ArrayList<>(old);
    removed.removeAll(current);
    if (!removed.isEmpty()) {
      mentions.remove(after.roomId(), after.sequence(), removed);
    }
    List<UserId> added = new ArrayList<>(current);
    added.removeAll(old);
    mention(after, added, now);
  }

  /** A deleted message mentions nobody any more. */
  void deleted(Message before) {
    List<UserId> old = Mentions.in(before.body());
    if (!old.isEmpty()) {
      mentions.remove(before.roomId(), before.sequence(), old);
    }
  }

  private void mention(Message message, List<UserId> named, Instant now) {
    if (named.isEmpty()) {
      return;
    }
    List<UserId> members = new ArrayList<>(named.size());
    for (UserId user : named) {
      if (!user.equals(message.author()) && memberships.find(message.roomId(), user).isPresent()) {
        members.add(user);
      }
    }
    if (members.isEmpty()) {
      return;
    }
    mentions.add(message.roomId(), message.sequence(), members);
    for (UserId user : members) {
      List<Connection> live = connections.byUser(user, now);
      if (live.isEmpty()) {
        continue;
      }
      List<ConnectionId> recipients = new ArrayList<>(live.size());
      for (Connection connection : live) {
        recipients.add(connection.id());
      }
      delivery.deliver(
          new ChatEvent.Mentioned(
              message.roomId(), message.id(), message.sequence(), user, message.author(), now),
          recipients);
    }
  }
}

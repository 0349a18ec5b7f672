package dev.parley.application.service;

import dev.parley.application.port.in.KickMemberCommand;
import dev.parley.application.port.in.KickMemberUseCase;
import dev.parley.application.port.out.EventDeliveryPort;
import dev.parley.application.port.out.EventDeliveryPort.DisconnectReason;
import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.application.port.out.RoomSubscriptionPort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.member.Membership;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import java.util.List;

/** Removes a member and cuts their live connections to the room. */
public final class KickMemberService implements KickMemberUseCase {
  private final CommandValidator validator;
  private final RoomAccess access;
  private final MembershipStorePort memberships;
  private final RoomSubscriptionPort subscriptions;
  private final EventDeliveryPort delivery;
  private final EventPublisher events;

  @Inject
  KickMemberService(
      CommandValidator validator,
      RoomAccess access,
      MembershipStorePort memberships,
      RoomSubscriptionPort subscriptions,
      EventDeliveryPort delivery,
      EventPublisher events) {
    this.validator = validator;
    this.access = access;
    this.memberships = memberships;
    this.subscriptions = subscriptions;
    this.delivery = delivery;
    this.events = events;
  }

  @Override
  public void kickMember(KickMemberCommand command) {
    validator.validate(command);
    RoomId roomId = RoomId.of(command.roomId());
    RoomContext context = access.enter(command.actor(), roomId);
    UserId target = UserId.of(command.userId());
    Membership targetMembership = access.requireMember(roomId, target);
    access.authorize(context, Action.KICK, target, targetMembership);
    memberships.remove(roomId, target);
    // The kicked user's sockets get the event too, then are closed.
    events.publish(
        new ChatEvent.MemberKicked(roomId, target, command.actor(), context.now()), context.now());
    List<ConnectionId> cut = subscriptions.unsubscribeUser(roomId, target);
    if (!cut.isEmpty()) {
      delivery.disconnect(cut, DisconnectReason.KICKED);
    }
  }
}

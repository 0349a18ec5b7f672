package dev.parley.application.service;

import dev.parley.application.port.in.BanMemberCommand;
import dev.parley.application.port.in.BanMemberUseCase;
import dev.parley.application.port.out.BanStorePort;
import dev.parley.application.port.out.EventDeliveryPort;
import dev.parley.application.port.out.EventDeliveryPort.DisconnectReason;
import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.application.port.out.RoomSubscriptionPort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.member.Ban;
import dev.parley.domain.member.Membership;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/** Bans a user (member or not), removes their membership and cuts their live connections. */
public final class BanMemberService implements BanMemberUseCase {
  private final CommandValidator validator;
  private final RoomAccess access;
  private final MembershipStorePort memberships;
  private final BanStorePort bans;
  private final RoomSubscriptionPort subscriptions;
  private final EventDeliveryPort delivery;
  private final EventPublisher events;

  @Inject
  BanMemberService(
      CommandValidator validator,
      RoomAccess access,
      MembershipStorePort memberships,
      BanStorePort bans,
      RoomSubscriptionPort subscriptions,
      EventDeliveryPort delivery,
      EventPublisher events) {
    this.validator = validator;
    this.access = access;
    this.memberships = memberships;
    this.bans = bans;
    this.subscriptions = subscriptions;
    this.delivery = delivery;
    this.events = events;
  }

  @Override
  public Ban banMember(BanMemberCommand command) {
    validator.validate(command);
    RoomId roomId = RoomId.of(command.roomId());
    RoomContext context = access.enter(command.actor(), roomId);
    UserId target = UserId.of(command.userId());
    Membership targetMembership = memberships.find(roomId, target).orElse(null);
    access.authorize(context, Action.BAN, target, targetMembership);
    Instant now = context.now();
    Instant expiresAt =
        command.durationSeconds() == null ? null : now.plusSeconds(command.durationSeconds());
    Ban ban = new Ban(roomId, target, command.actor(), now, expiresAt, command.reason());
    // The ban is written before the membership goes: if the second write fails, a retry
    // finishes the job and the user is never a non-member without a ban in between.
    bans.save(ban);
    if (targetMembership != null) {
      memberships.remove(roomId, target);
    }
    events.publish(
        new ChatEvent.MemberBanned(roomId, target, command.actor(), expiresAt, now), now);
    List<ConnectionId> cut = subscriptions.unsubscribeUser(roomId, target);
    if (!cut.isEmpty()) {
      delivery.disconnect(cut, DisconnectReason.BANNED);
    }
    return ban;
  }
}

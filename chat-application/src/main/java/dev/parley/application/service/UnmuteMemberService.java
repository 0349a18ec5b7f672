package dev.parley.application.service;

import dev.parley.application.port.in.UnmuteMemberCommand;
import dev.parley.application.port.in.UnmuteMemberUseCase;
import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;

/** Lifts a mute. */
public final class UnmuteMemberService implements UnmuteMemberUseCase {
  private final CommandValidator validator;
  private final RoomAccess access;
  private final MembershipStorePort memberships;
  private final EventPublisher events;

  @Inject
  UnmuteMemberService(
      CommandValidator validator,
      RoomAccess access,
      MembershipStorePort memberships,
      EventPublisher events) {
    this.validator = validator;
    this.access = access;
    this.memberships = memberships;
    this.events = events;
  }

  @Override
  public Membership unmuteMember(UnmuteMemberCommand command) {
    validator.validate(command);
    RoomId roomId = RoomId.of(command.roomId());
    RoomContext context = access.enter(command.actor(), roomId);
    UserId target = UserId.of(command.userId());
    Membership targetMembership = access.requireMember(roomId, target);
    access.authorize(context, Action.MUTE, target, targetMembership);
    if (targetMembership.mutedUntil() == null) {
      return targetMembership;
    }
    Membership unmuted = targetMembership.unmuted();
    memberships.save(unmuted);
    events.publish(
        new ChatEvent.MemberMuted(roomId, target, command.actor(), null, context.now()),
        context.now());
    return unmuted;
  }
}

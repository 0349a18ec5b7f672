package dev.parley.application.service;

import dev.parley.application.port.in.MuteMemberCommand;
import dev.parley.application.port.in.MuteMemberUseCase;
import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Instant;

/** Mutes a member for a while or until unmuted. */
public final class MuteMemberService implements MuteMemberUseCase {
  private final CommandValidator validator;
  private final RoomAccess access;
  private final MembershipStorePort memberships;
  private final EventPublisher events;

  @Inject
  MuteMemberService(
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
  public Membership muteMember(MuteMemberCommand command) {
    validator.validate(command);
    RoomId roomId = RoomId.of(command.roomId());
    RoomContext context = access.enter(command.actor(), roomId);
    UserId target = UserId.of(command.userId());
    Membership targetMembership = access.requireMember(roomId, target);
    access.authorize(context, Action.MUTE, target, targetMembership);
    Instant until =
        command.durationSeconds() == null
            ? null
            : context.now().plusSeconds(command.durationSeconds());
    Membership muted = targetMembership.mutedUntil(until);
    memberships.save(muted);
    events.publish(
        new ChatEvent.MemberMuted(
            roomId, target, command.actor(), muted.mutedUntil(), context.now()),
        context.now());
    return muted;
  }
}

package dev.parley.application.service;

import dev.parley.application.error.ForbiddenException;
import dev.parley.application.port.in.LeaveRoomCommand;
import dev.parley.application.port.in.LeaveRoomUseCase;
import dev.parley.application.port.out.MemberListPort;
import dev.parley.application.port.out.OwnerStepDownPort;
import dev.parley.application.port.out.RoomSubscriptionPort;
import dev.parley.application.port.out.StepDown;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Decision;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.member.Membership;
import dev.parley.domain.member.MembershipRules;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;

/** Leaves a room; the caller's connections stop receiving it. */
public final class LeaveRoomService implements LeaveRoomUseCase {
  private final CommandValidator validator;
  private final RoomAccess access;
  private final OwnerStepDownPort stepDown;
  private final MemberListPort memberList;
  private final RoomSubscriptionPort subscriptions;
  private final EventPublisher events;

  @Inject
  LeaveRoomService(
      CommandValidator validator,
      RoomAccess access,
      OwnerStepDownPort stepDown,
      MemberListPort memberList,
      RoomSubscriptionPort subscriptions,
      EventPublisher events) {
    this.validator = validator;
    this.access = access;
    this.stepDown = stepDown;
    this.memberList = memberList;
    this.subscriptions = subscriptions;
    this.events = events;
  }

  @Override
  public void leaveRoom(LeaveRoomCommand command) {
    validator.validate(command);
    RoomId roomId = RoomId.of(command.roomId());
    RoomContext context = access.enter(command.actor(), roomId);
    Membership membership = context.membership();
    if (membership == null) {
      return; // Leaving a public room one is not in is a no-op.
    }
    long owners =
        membership.role() == Role.OWNER ? memberList.countWithRole(roomId, Role.OWNER) : 0;
    if (MembershipRules.mayLeave(context.room(), membership, owners)
        instanceof Decision.Denied denied) {
      throw new ForbiddenException(denied.reason());
    }
    // The count above may be stale by now; the store repeats the check atomically.
    if (stepDown.removeUnlessLastOwner(roomId, command.actor()) instanceof StepDown.LastOwner) {
      throw new ForbiddenException(DenialReason.LAST_OWNER);
    }
    events.publish(new ChatEvent.MemberLeft(roomId, command.actor(), context.now()), context.now());
    subscriptions.unsubscribeUser(roomId, command.actor());
  }
}

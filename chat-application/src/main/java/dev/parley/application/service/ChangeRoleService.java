package dev.parley.application.service;

import dev.parley.application.error.ForbiddenException;
import dev.parley.application.port.in.ChangeRoleCommand;
import dev.parley.application.port.in.ChangeRoleUseCase;
import dev.parley.application.port.out.MemberListPort;
import dev.parley.application.port.out.OwnerStepDownPort;
import dev.parley.application.port.out.StepDown;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Decision;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.member.Membership;
import dev.parley.domain.member.MembershipRules;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;

/** Promotes or demotes a member; the last owner stays an owner. */
public final class ChangeRoleService implements ChangeRoleUseCase {
  private final CommandValidator validator;
  private final RoomAccess access;
  private final OwnerStepDownPort stepDown;
  private final MemberListPort memberList;
  private final EventPublisher events;

  @Inject
  ChangeRoleService(
      CommandValidator validator,
      RoomAccess access,
      OwnerStepDownPort stepDown,
      MemberListPort memberList,
      EventPublisher events) {
    this.validator = validator;
    this.access = access;
    this.stepDown = stepDown;
    this.memberList = memberList;
    this.events = events;
  }

  @Override
  public Membership changeRole(ChangeRoleCommand command) {
    validator.validate(command);
    RoomId roomId = RoomId.of(command.roomId());
    RoomContext context = access.enter(command.actor(), roomId);
    UserId target = UserId.of(command.userId());
    Membership targetMembership = access.requireMember(roomId, target);
    access.authorizeRoleChange(context, target, targetMembership, command.role());
    if (targetMembership.role() == command.role()) {
      return targetMembership;
    }
    if (targetMembership.role() == Role.OWNER) {
      long owners = memberList.countWithRole(roomId, Role.OWNER);
      if (MembershipRules.mayGiveUpOwnership(targetMembership, owners)
          instanceof Decision.Denied denied) {
        throw new ForbiddenException(denied.reason());
      }
    }
    Membership changed = targetMembership.withRole(command.role());
    // The count above may be stale by now; the store repeats the check atomically.
    if (stepDown.saveUnlessLastOwner(changed) instanceof StepDown.LastOwner) {
      throw new ForbiddenException(DenialReason.LAST_OWNER);
    }
    events.publish(
        new ChatEvent.RoleChanged(
            roomId,
            target,
            targetMembership.role(),
            command.role(),
            command.actor(),
            context.now()),
        context.now());
    return changed;
  }
}

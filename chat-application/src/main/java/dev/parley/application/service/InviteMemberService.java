package dev.parley.application.service;

import dev.parley.application.config.ChatSettings;
import dev.parley.application.error.ForbiddenException;
import dev.parley.application.error.InvalidInputException;
import dev.parley.application.port.in.InviteMemberCommand;
import dev.parley.application.port.in.InviteMemberUseCase;
import dev.parley.application.port.out.BanStorePort;
import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.access.Decision;
import dev.parley.domain.access.Role;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.member.Membership;
import dev.parley.domain.member.MembershipRules;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import java.util.Optional;

/** Adds a user to a room as a member or a guest. */
public final class InviteMemberService implements InviteMemberUseCase {
  private final CommandValidator validator;
  private final RateLimits rateLimits;
  private final ChatSettings settings;
  private final RoomAccess access;
  private final MembershipStorePort memberships;
  private final BanStorePort bans;
  private final EventPublisher events;

  @Inject
  InviteMemberService(
      CommandValidator validator,
      RoomAccess access,
      MembershipStorePort memberships,
      BanStorePort bans,
      EventPublisher events,
      RateLimits rateLimits,
      ChatSettings settings) {
    this.validator = validator;
    this.rateLimits = rateLimits;
    this.settings = settings;
    this.access = access;
    this.memberships = memberships;
    this.bans = bans;
    this.events = events;
  }

  @Override
  public Membership inviteMember(InviteMemberCommand command) {
    validator.validate(command);
    Role role = command.role() == null ? Role.MEMBER : command.role();
    if (role != Role.MEMBER && role != Role.GUEST) {
      throw InvalidInputException.of("role", "invite as MEMBER or GUEST; promote afterwards");
    }
    RoomId roomId = RoomId.of(command.roomId());
    RoomContext context = access.enter(command.actor(), roomId, Action.INVITE);
    UserId invitee = UserId.of(command.userId());
    Optional<Membership> existing = memberships.find(roomId, invitee);
    if (existing.isPresent()) {
      return existing.get();
    }
    Decision decision =
        MembershipRules.mayBeAdded(
            context.room(), bans.find(roomId, invitee).orElse(null), context.now());
    if (decision instanceof Decision.Denied denied) {
      throw new ForbiddenException(denied.reason());
    }
    rateLimits.require(
        "invite:" + command.actor().value(),
        settings.inviteLimit(),
        context.now(),
        "too many invitations");
    Membership membership = Membership.join(roomId, invitee, role, context.now());
    memberships.save(membership);
    events.publish(
        new ChatEvent.MemberJoined(roomId, invitee, role, command.actor(), context.now()),
        context.now());
    return membership;
  }
}

package dev.parley.application.service;

import dev.parley.application.config.ChatSettings;
import dev.parley.application.error.ForbiddenException;
import dev.parley.application.port.in.JoinRoomCommand;
import dev.parley.application.port.in.JoinRoomUseCase;
import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Decision;
import dev.parley.domain.access.Role;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.member.Membership;
import dev.parley.domain.member.MembershipRules;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;

/** Joins a public room. */
public final class JoinRoomService implements JoinRoomUseCase {
  private final CommandValidator validator;
  private final RateLimits rateLimits;
  private final ChatSettings settings;
  private final RoomAccess access;
  private final MembershipStorePort memberships;
  private final EventPublisher events;

  @Inject
  JoinRoomService(
      CommandValidator validator,
      RoomAccess access,
      MembershipStorePort memberships,
      EventPublisher events,
      RateLimits rateLimits,
      ChatSettings settings) {
    this.validator = validator;
    this.rateLimits = rateLimits;
    this.settings = settings;
    this.access = access;
    this.memberships = memberships;
    this.events = events;
  }

  @Override
  public Membership joinRoom(JoinRoomCommand command) {
    validator.validate(command);
    RoomId roomId = RoomId.of(command.roomId());
    RoomContext context = access.enter(command.actor(), roomId);
    if (context.membership() != null) {
      return context.membership();
    }
    if (MembershipRules.mayJoin(context.room(), context.ban(), context.now())
        instanceof Decision.Denied denied) {
      throw new ForbiddenException(denied.reason());
    }
    // After the membership check: joining a room again is a no-op and costs nothing.
    rateLimits.require(
        "join:" + command.actor().value(), settings.joinLimit(), context.now(), "too many joins");
    Membership membership = Membership.join(roomId, command.actor(), Role.MEMBER, context.now());
    memberships.save(membership);
    events.publish(
        new ChatEvent.MemberJoined(roomId, command.actor(), Role.MEMBER, null, context.now()),
        context.now());
    return membership;
  }
}

package dev.parley.application.service;

import dev.parley.application.port.in.UnbanMemberCommand;
import dev.parley.application.port.in.UnbanMemberUseCase;
import dev.parley.application.port.out.BanStorePort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;

/** Lifts a ban. */
public final class UnbanMemberService implements UnbanMemberUseCase {
  private final CommandValidator validator;
  private final RoomAccess access;
  private final BanStorePort bans;
  private final EventPublisher events;

  @Inject
  UnbanMemberService(
      CommandValidator validator, RoomAccess access, BanStorePort bans, EventPublisher events) {
    this.validator = validator;
    this.access = access;
    this.bans = bans;
    this.events = events;
  }

  @Override
  public void unbanMember(UnbanMemberCommand command) {
    validator.validate(command);
    RoomId roomId = RoomId.of(command.roomId());
    RoomContext context = access.enter(command.actor(), roomId, Action.BAN);
    UserId target = UserId.of(command.userId());
    if (bans.remove(roomId, target)) {
      events.publish(
          new ChatEvent.MemberUnbanned(roomId, target, command.actor(), context.now()),
          context.now());
    }
  }
}

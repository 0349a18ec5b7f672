package dev.parley.application.service;

import dev.parley.application.config.ChatSettings;
import dev.parley.application.error.InvalidInputException;
import dev.parley.application.port.in.OpenDirectRoomCommand;
import dev.parley.application.port.in.OpenDirectRoomUseCase;
import dev.parley.application.port.in.RoomSummary;
import dev.parley.application.port.out.ClockPort;
import dev.parley.application.port.out.IdGeneratorPort;
import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.application.port.out.RoomStorePort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Role;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Instant;

/** Opens (or reopens) the one direct room of a pair of users. */
public final class OpenDirectRoomService implements OpenDirectRoomUseCase {
  private final CommandValidator validator;
  private final RoomStorePort rooms;
  private final MembershipStorePort memberships;
  private final IdGeneratorPort ids;
  private final ClockPort clock;
  private final Views views;
  private final RateLimits rateLimits;
  private final ChatSettings settings;

  @Inject
  OpenDirectRoomService(
      CommandValidator validator,
      RoomStorePort rooms,
      MembershipStorePort memberships,
      IdGeneratorPort ids,
      ClockPort clock,
      Views views,
      RateLimits rateLimits,
      ChatSettings settings) {
    this.validator = validator;
    this.rooms = rooms;
    this.memberships = memberships;
    this.ids = ids;
    this.clock = clock;
    this.views = views;
    this.rateLimits = rateLimits;
    this.settings = settings;
  }

  @Override
  public RoomSummary openDirectRoom(OpenDirectRoomCommand command) {
    validator.validate(command);
    UserId me = command.actor();
    UserId other = UserId.of(command.userId());
    if (me.equals(other)) {
      throw InvalidInputException.of("userId", "a direct room needs another user");
    }
    Instant now = clock.now();
    rateLimits.require(
        "direct:" + me.value(), settings.directRoomLimit(), now, "too many direct rooms opened");
    Room room = rooms.saveDirectIfAbsent(Room.direct(RoomId.of(ids.newId()), me, other, now));
    // Both members are written every time, so a call that raced a half-finished one repairs it.
    Membership mine = ensureMember(room, me, now);
    ensureMember(room, other, now);
    return views.room(room, me, mine);
  }

  private Membership ensureMember(Room room, UserId user, Instant now) {
    return memberships
        .find(room.id(), user)
        .orElseGet(
            () -> {
              Membership membership = Membership.join(room.id(), user, Role.MEMBER, now);
              memberships.save(membership);
              return membership;
            });
  }
}

package dev.parley.application.service;

import dev.parley.application.config.ChatSettings;
import dev.parley.application.error.InvalidInputException;
import dev.parley.application.port.in.CreateRoomCommand;
import dev.parley.application.port.in.CreateRoomUseCase;
import dev.parley.application.port.in.RoomSummary;
import dev.parley.application.port.out.ClockPort;
import dev.parley.application.port.out.IdGeneratorPort;
import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.application.port.out.RoomStorePort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Role;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.room.RoomSettings;
import dev.parley.domain.room.RoomType;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Creates public and private rooms; the creator is the owner. */
public final class CreateRoomService implements CreateRoomUseCase {
  private final CommandValidator validator;
  private final RoomStorePort rooms;
  private final MembershipStorePort memberships;
  private final IdGeneratorPort ids;
  private final ClockPort clock;
  private final RateLimits rateLimits;
  private final ChatSettings settings;
  private final EventPublisher events;
  private final Views views;

  @Inject
  CreateRoomService(
      CommandValidator validator,
      RoomStorePort rooms,
      MembershipStorePort memberships,
      IdGeneratorPort ids,
      ClockPort clock,
      RateLimits rateLimits,
      ChatSettings settings,
      EventPublisher events,
      Views views) {
    this.validator = validator;
    this.rooms = rooms;
    this.memberships = memberships;
    this.ids = ids;
    this.clock = clock;
    this.rateLimits = rateLimits;
    this.settings = settings;
    this.events = events;
    this.views = views;
  }

  @Override
  public RoomSummary createRoom(CreateRoomCommand command) {
    validator.validate(command);
    if (command.type() == RoomType.DIRECT) {
      throw InvalidInputException.of("type", "direct rooms are opened with the other user's id");
    }
    Instant now = clock.now();
    UserId creator = command.actor();
    rateLimits.require(
        "room:" + creator.value(), settings.roomCreationLimit(), now, "too many rooms created");
    RoomSettings roomSettings =
        command.settings() == null
            ? RoomSettings.DEFAULTS
            : command.settings().applyTo(RoomSettings.DEFAULTS);
    Room room =
        Room.open(
            RoomId.of(ids.newId()),
            command.name(),
            command.topic(),
            command.type(),
            creator,
            now,
            roomSettings);
    rooms.save(room);
    Membership owner = Membership.join(room.id(), creator, Role.OWNER, now);
    memberships.save(owner);
    for (UserId invitee : invitees(command.invite(), creator)) {
      memberships.save(Membership.join(room.id(), invitee, Role.MEMBER, now));
      events.publish(
          new ChatEvent.MemberJoined(room.id(), invitee, Role.MEMBER, creator, now), now);
    }
    return views.room(room, creator, owner);
  }

  private static Set<UserId> invitees(List<String> invite, UserId creator) {
    Set<UserId> result = new LinkedHashSet<>();
    if (invite != null) {
      for (String id : invite) {
        UserId user = UserId.of(id);
        if (!user.equals(creator)) {
          result.add(user);
        }
      }
    }
    return result;
  }
}

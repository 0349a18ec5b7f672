package dev.parley.application.service;

import dev.parley.application.error.InvalidInputException;
import dev.parley.application.port.in.RoomSummary;
import dev.parley.application.port.in.UpdateRoomCommand;
import dev.parley.application.port.in.UpdateRoomUseCase;
import dev.parley.application.port.out.RoomStorePort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.access.Role;
import dev.parley.domain.access.RolePermissions;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;

/** Changes a room's name, topic, settings and per-room permissions. */
public final class UpdateRoomService implements UpdateRoomUseCase {
  private final CommandValidator validator;
  private final RoomAccess access;
  private final RoomStorePort rooms;
  private final EventPublisher events;
  private final Views views;

  @Inject
  UpdateRoomService(
      CommandValidator validator,
      RoomAccess access,
      RoomStorePort rooms,
      EventPublisher events,
      Views views) {
    this.validator = validator;
    this.access = access;
    this.rooms = rooms;
    this.events = events;
    this.views = views;
  }

  @Override
  public RoomSummary updateRoom(UpdateRoomCommand command) {
    validator.validate(command);
    if (command.name() != null && !Room.isValidName(command.name())) {
      throw InvalidInputException.of("name", "must not be blank");
    }
    RoomContext context =
        access.enter(command.actor(), RoomId.of(command.roomId()), Action.MANAGE_ROOM);
    Room room = context.room().withDetails(command.name(), command.topic());
    if (command.settings() != null) {
      room = room.withSettings(command.settings().applyTo(room.settings()));
    }
    if (command.permissions() != null && !command.permissions().isEmpty()) {
      room = room.withPermissions(permissions(room.permissions(), command.permissions()));
    }
    rooms.save(room);
    events.publish(new ChatEvent.RoomUpdated(room, command.actor(), context.now()), context.now());
    return views.room(room, command.actor(), context.membership());
  }

  private static RolePermissions permissions(RolePermissions current, Map<Action, Role> changes) {
    Map<Action, Role> merged = new EnumMap<>(Action.class);
    merged.putAll(current.overrides());
    merged.putAll(changes);
    try {
      return RolePermissions.withOverrides(merged);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("permissions", e.getMessage());
    }
  }
}

package dev.parley.application.service;

import dev.parley.application.port.in.ArchiveRoomCommand;
import dev.parley.application.port.in.ArchiveRoomUseCase;
import dev.parley.application.port.in.RoomSummary;
import dev.parley.application.port.out.RoomStorePort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;

/** Archives a room: read-only from then on. */
public final class ArchiveRoomService implements ArchiveRoomUseCase {
  private final CommandValidator validator;
  private final RoomAccess access;
  private final RoomStorePort rooms;
  private final EventPublisher events;
  private final Views views;

  @Inject
  ArchiveRoomService(
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
  public RoomSummary archiveRoom(ArchiveRoomCommand command) {
    validator.validate(command);
    RoomContext context = access.enter(command.actor(), RoomId.of(command.roomId()));
    if (context.room().archived()) {
      // Idempotent, for those who could have archived it: the policy refuses every write to an
      // archived room, so ask for managing rights on the room as it was.
      access.authorize(
          new RoomContext(
              context.room().withArchived(false),
              context.actor(),
              context.membership(),
              context.ban(),
              context.now()),
          Action.MANAGE_ROOM);
      return views.room(context.room(), command.actor(), context.membership());
    }
    access.authorize(context, Action.MANAGE_ROOM);
    Room archived = context.room().archive();
    rooms.save(archived);
    events.publish(
        new ChatEvent.RoomArchived(archived.id(), command.actor(), context.now()), context.now());
    return views.room(archived, command.actor(), context.membership());
  }
}

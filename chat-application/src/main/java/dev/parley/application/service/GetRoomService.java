package dev.parley.application.service;

import dev.parley.application.port.in.GetRoomQuery;
import dev.parley.application.port.in.GetRoomUseCase;
import dev.parley.application.port.in.RoomSummary;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;

/** Reads one room as the caller sees it. */
public final class GetRoomService implements GetRoomUseCase {
  private final CommandValidator validator;
  private final RoomAccess access;
  private final Views views;

  @Inject
  GetRoomService(CommandValidator validator, RoomAccess access, Views views) {
    this.validator = validator;
    this.access = access;
    this.views = views;
  }

  @Override
  public RoomSummary getRoom(GetRoomQuery query) {
    validator.validate(query);
    RoomContext context = access.enter(query.actor(), RoomId.of(query.roomId()), Action.READ);
    return views.room(context.room(), query.actor(), context.membership());
  }
}

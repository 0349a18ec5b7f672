package dev.parley.application.service;

import dev.parley.application.port.in.Resume;
import dev.parley.application.port.in.ResumeRoomQuery;
import dev.parley.application.port.in.ResumeRoomUseCase;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;

/** Answers what the caller missed in a room. */
public final class ResumeRoomService implements ResumeRoomUseCase {
  private final CommandValidator validator;
  private final RoomAccess access;
  private final RoomResumer resumer;

  @Inject
  ResumeRoomService(CommandValidator validator, RoomAccess access, RoomResumer resumer) {
    this.validator = validator;
    this.access = access;
    this.resumer = resumer;
  }

  @Override
  public Resume resumeRoom(ResumeRoomQuery query) {
    validator.validate(query);
    RoomId roomId = RoomId.of(query.roomId());
    access.enter(query.actor(), roomId, Action.READ);
    return resumer.resume(roomId, query.afterSequence(), query.limit());
  }
}

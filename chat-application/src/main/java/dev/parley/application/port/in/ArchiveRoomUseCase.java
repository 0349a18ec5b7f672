package dev.parley.application.port.in;

/**
 * Archives a room: it stays readable, and nothing can be written to it any more. Needs {@code
 * MANAGE_ROOM}; idempotent.
 */
public interface ArchiveRoomUseCase {
  RoomSummary archiveRoom(ArchiveRoomCommand command);
}

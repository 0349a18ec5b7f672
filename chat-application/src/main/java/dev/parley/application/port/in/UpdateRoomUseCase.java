package dev.parley.application.port.in;

/**
 * Renames a room, changes its topic, settings or per-room permissions. Needs {@code MANAGE_ROOM}.
 */
public interface UpdateRoomUseCase {
  RoomSummary updateRoom(UpdateRoomCommand command);
}

package dev.parley.application.port.in;

/** Reads one room as the caller sees it. A room the caller may not see is not found. */
public interface GetRoomUseCase {
  RoomSummary getRoom(GetRoomQuery query);
}

package dev.parley.application.port.in;

/**
 * Creates a public or private room; the creator becomes its owner and the invited users its
 * members. Direct rooms are opened with {@link OpenDirectRoomUseCase}.
 */
public interface CreateRoomUseCase {
  RoomSummary createRoom(CreateRoomCommand command);
}

package dev.parley.application.port.in;

/**
 * Opens the direct room of the caller and another user, or returns the one they already have: a
 * pair has at most one, even under concurrent calls.
 */
public interface OpenDirectRoomUseCase {
  RoomSummary openDirectRoom(OpenDirectRoomCommand command);
}

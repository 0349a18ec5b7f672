package dev.parley.application.port.in;

/**
 * Leaves a room. The last owner cannot leave. The caller's connections stop receiving the room's
 * events.
 */
public interface LeaveRoomUseCase {
  void leaveRoom(LeaveRoomCommand command);
}

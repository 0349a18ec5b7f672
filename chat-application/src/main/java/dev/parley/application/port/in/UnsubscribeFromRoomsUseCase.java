package dev.parley.application.port.in;

/** Stops a connection receiving rooms' events; idempotent. */
public interface UnsubscribeFromRoomsUseCase {
  void unsubscribeFromRooms(UnsubscribeFromRoomsCommand command);
}

package dev.parley.archfixture.good.application.port.in;

/** A use case: verb, noun, one method. */
public interface OpenRoomUseCase {
  OpenedRoom openRoom(OpenRoomCommand command);
}

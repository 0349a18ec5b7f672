package dev.parley.archfixture.good.adapter.fargate;

import dev.parley.archfixture.good.application.port.in.OpenRoomCommand;
import dev.parley.archfixture.good.application.port.in.OpenRoomUseCase;
import dev.parley.archfixture.good.application.port.in.OpenedRoom;

/** An inbound adapter drives the core through a use case. */
public final class OpenRoomHandler {
  private final OpenRoomUseCase openRoom;

  public OpenRoomHandler(OpenRoomUseCase openRoom) {
    this.openRoom = openRoom;
  }

  public OpenedRoom handle(OpenRoomCommand command) {
    return openRoom.openRoom(command);
  }
}

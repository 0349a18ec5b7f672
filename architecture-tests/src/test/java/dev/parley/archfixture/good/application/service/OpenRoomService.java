package dev.parley.archfixture.good.application.service;

import dev.parley.archfixture.good.application.port.in.OpenRoomCommand;
import dev.parley.archfixture.good.application.port.in.OpenRoomUseCase;
import dev.parley.archfixture.good.application.port.in.OpenedRoom;
import dev.parley.archfixture.good.application.port.out.RoomStorePort;
import dev.parley.archfixture.good.application.port.out.SaveResult;
import dev.parley.archfixture.good.domain.room.Room;
import dev.parley.archfixture.good.domain.user.UserId;
import jakarta.inject.Inject;

/** Implements the use case, with constructor injection. */
public final class OpenRoomService implements OpenRoomUseCase {
  private final RoomStorePort rooms;

  @Inject
  public OpenRoomService(RoomStorePort rooms) {
    this.rooms = rooms;
  }

  @Override
  public OpenedRoom openRoom(OpenRoomCommand command) {
    SaveResult result = rooms.save(new Room(command.roomId(), new UserId(command.userId())));
    return new OpenedRoom(
        switch (result) {
          case SaveResult.Saved saved -> saved.room();
          case SaveResult.AlreadyThere there -> there.room();
        },
        result instanceof SaveResult.Saved);
  }
}

package dev.parley.archfixture.good.application.port.out;

import dev.parley.archfixture.good.domain.room.Room;

/** An outbound port with a sealed result. */
public interface RoomStorePort {
  SaveResult save(Room room);
}

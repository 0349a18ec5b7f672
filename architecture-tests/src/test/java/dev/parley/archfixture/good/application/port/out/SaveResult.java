package dev.parley.archfixture.good.application.port.out;

import dev.parley.archfixture.good.domain.room.Room;

/** Sealed result interfaces live beside the ports and need no Port suffix. */
public sealed interface SaveResult permits SaveResult.Saved, SaveResult.AlreadyThere {
  record Saved(Room room) implements SaveResult {}

  record AlreadyThere(Room room) implements SaveResult {}
}

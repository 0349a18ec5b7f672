package dev.parley.archfixture.bad.domain.message;

import dev.parley.archfixture.bad.domain.room.RoomRecord;
import jakarta.inject.Singleton;

/** Breaks: a library annotation on a domain type, and the other half of the room-message cycle. */
@Singleton
public final class AnnotatedMessage {
  private RoomRecord room;

  public RoomRecord room() {
    return room;
  }
}

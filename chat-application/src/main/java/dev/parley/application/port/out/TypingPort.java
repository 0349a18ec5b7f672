package dev.parley.application.port.out;

import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.List;

/** Who is typing where. Entries expire by themselves: an expired typer is never returned. */
public interface TypingPort {
  /** Marks the user as typing until {@code expiresAt}; returns everyone typing at {@code now}. */
  List<UserId> startTyping(RoomId roomId, UserId userId, Instant expiresAt, Instant now);

  /** Marks the user as no longer typing; returns everyone still typing at {@code now}. */
  List<UserId> stopTyping(RoomId roomId, UserId userId, Instant now);
}

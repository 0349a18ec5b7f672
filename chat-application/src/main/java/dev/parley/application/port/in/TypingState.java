package dev.parley.application.port.in;

import dev.parley.domain.user.UserId;
import java.util.List;

/**
 * Who is typing in a room after a typing notice.
 *
 * @param broadcast whether the notice was sent to the room (false when typing events are off in the
 *     room, or the notice was dropped by the typing rate limit)
 */
public record TypingState(List<UserId> typers, boolean broadcast) {
  public TypingState {
    typers = List.copyOf(typers);
  }
}

package dev.parley.application.port.in;

import dev.parley.domain.message.Message;
import dev.parley.domain.reaction.Reaction;
import java.util.List;

/**
 * A message with its reactions (none for a deleted message).
 *
 * @param authorBlocked whether the user the view is for blocks the message's author (history and
 *     thread pages mark this; other views are false)
 */
public record MessageView(Message message, List<Reaction> reactions, boolean authorBlocked) {
  public MessageView {
    reactions = List.copyOf(reactions);
  }

  public MessageView(Message message, List<Reaction> reactions) {
    this(message, reactions, false);
  }

  public static MessageView of(Message message) {
    return new MessageView(message, List.of());
  }
}

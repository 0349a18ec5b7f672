package dev.parley.application.port.in;

import dev.parley.domain.message.Message;
import dev.parley.domain.reaction.Reaction;
import java.util.List;

/** A message with its reactions (none for a deleted message). */
public record MessageView(Message message, List<Reaction> reactions) {
  public MessageView {
    reactions = List.copyOf(reactions);
  }

  public static MessageView of(Message message) {
    return new MessageView(message, List.of());
  }
}

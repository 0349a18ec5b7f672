package dev.parley.application.port.in;

/**
 * Adds the caller's reaction to a message; idempotent. A message carries at most 20 distinct emoji.
 */
public interface AddReactionUseCase {
  MessageView addReaction(AddReactionCommand command);
}

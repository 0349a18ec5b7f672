package dev.parley.application.port.in;

/** Removes the caller's reaction from a message; idempotent. */
public interface RemoveReactionUseCase {
  MessageView removeReaction(RemoveReactionCommand command);
}

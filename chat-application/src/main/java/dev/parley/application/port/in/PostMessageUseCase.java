package dev.parley.application.port.in;

/**
 * Posts a message, or a reply in a thread. Idempotent per client message id: a repeat returns the
 * original, flagged as a replay, and stores nothing. Honours mutes, slow mode and rate limits.
 */
public interface PostMessageUseCase {
  PostedMessage postMessage(PostMessageCommand command);
}

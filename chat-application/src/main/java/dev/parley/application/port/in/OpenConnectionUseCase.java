package dev.parley.application.port.in;

/**
 * Registers a client connection (with an expiry, as disconnects can be missed) and answers with the
 * user's unread counts. The user's rooms see them come online.
 */
public interface OpenConnectionUseCase {
  Connected openConnection(OpenConnectionCommand command);
}

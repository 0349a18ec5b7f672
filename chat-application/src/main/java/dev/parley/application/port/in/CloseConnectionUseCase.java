package dev.parley.application.port.in;

/**
 * Forgets a connection and its subscriptions; idempotent. The user's rooms see them go offline when
 * it was their last connection.
 */
public interface CloseConnectionUseCase {
  void closeConnection(CloseConnectionCommand command);
}

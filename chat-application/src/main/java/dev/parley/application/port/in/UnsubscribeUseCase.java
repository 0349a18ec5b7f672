package dev.parley.application.port.in;

/** Stops a connection receiving rooms' events; idempotent. */
public interface UnsubscribeUseCase {
  void unsubscribe(UnsubscribeCommand command);
}

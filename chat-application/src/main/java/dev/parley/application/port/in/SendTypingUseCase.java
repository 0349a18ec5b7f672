package dev.parley.application.port.in;

/**
 * Tells a room that the caller started or stopped typing. Typing expires by itself after a few
 * seconds; the event carries everyone typing.
 */
public interface SendTypingUseCase {
  TypingState sendTyping(SendTypingCommand command);
}

package dev.parley.application.port.in;

/**
 * Replaces the text of one of the caller's own messages and marks it edited. A deleted message
 * cannot be edited.
 */
public interface EditMessageUseCase {
  MessageView editMessage(EditMessageCommand command);
}

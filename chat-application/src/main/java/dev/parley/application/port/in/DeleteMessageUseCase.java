package dev.parley.application.port.in;

/**
 * Soft-deletes a message: its body goes, its place in the order stays. Authors delete their own;
 * moderators delete others' below their role. Idempotent.
 */
public interface DeleteMessageUseCase {
  MessageView deleteMessage(DeleteMessageCommand command);
}

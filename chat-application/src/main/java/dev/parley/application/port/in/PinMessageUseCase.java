package dev.parley.application.port.in;

/** Pins or unpins a message. Needs {@code PIN}. */
public interface PinMessageUseCase {
  MessageView pinMessage(PinMessageCommand command);
}

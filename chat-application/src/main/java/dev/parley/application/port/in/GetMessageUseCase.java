package dev.parley.application.port.in;

/** Reads one message with its reactions. */
public interface GetMessageUseCase {
  MessageView getMessage(GetMessageQuery query);
}

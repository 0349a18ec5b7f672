package dev.parley.application.service;

import dev.parley.application.error.InvalidInputException;
import dev.parley.domain.message.BodyCheck;
import dev.parley.domain.message.MessageBody;

/**
 * Checks a message text against the room's limit, reporting a problem on the {@code text} field.
 */
final class MessageTexts {
  private MessageTexts() {}

  static MessageBody require(String text, int maxCodePoints) {
    return switch (MessageBody.check(text, maxCodePoints)) {
      case BodyCheck.Valid valid -> valid.body();
      case BodyCheck.Invalid invalid -> throw InvalidInputException.of("text", invalid.detail());
    };
  }
}

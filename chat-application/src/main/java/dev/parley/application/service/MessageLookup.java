package dev.parley.application.service;

import dev.parley.application.error.NotFoundException;
import dev.parley.application.port.out.MessageStorePort;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Loads a message of a room, or answers not-found. */
@Singleton
final class MessageLookup {
  private final MessageStorePort messages;

  @Inject
  MessageLookup(MessageStorePort messages) {
    this.messages = messages;
  }

  Message require(RoomId roomId, String messageId) {
    return messages
        .find(roomId, MessageId.of(messageId))
        .orElseThrow(() -> NotFoundException.message(messageId));
  }
}

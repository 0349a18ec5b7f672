package dev.parley.domain.message;

import java.time.Instant;

/** A change to a stored message, applied atomically by the store with {@link Message#apply}. */
public sealed interface MessageChange
    permits MessageChange.Edit, MessageChange.Delete, MessageChange.Pin {

  /** Replaces the text and stamps the edit time. */
  record Edit(MessageBody body, Instant at) implements MessageChange {}

  /** Soft delete: the body goes, the tombstone keeps its sequence. */
  record Delete(Instant at) implements MessageChange {}

  /** Pins or unpins the message. */
  record Pin(boolean pinned) implements MessageChange {}
}

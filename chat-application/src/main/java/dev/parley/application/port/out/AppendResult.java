package dev.parley.application.port.out;

import dev.parley.domain.message.Message;

/** What {@link MessageStorePort#append} did. */
public sealed interface AppendResult permits AppendResult.Appended, AppendResult.Replayed {
  Message message();

  /** A new message, with a newly assigned sequence. */
  record Appended(Message message) implements AppendResult {}

  /** The author had already posted with this client message id: the original, unchanged. */
  record Replayed(Message message) implements AppendResult {}
}

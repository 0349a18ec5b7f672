package dev.parley.application.port.in;

/**
 * Lists a room's pinned messages, newest message (highest sequence) first, for whoever may read its
 * history.
 */
public interface ListPinnedMessagesUseCase {
  Page<MessageView> listPinnedMessages(ListPinnedMessagesQuery query);
}

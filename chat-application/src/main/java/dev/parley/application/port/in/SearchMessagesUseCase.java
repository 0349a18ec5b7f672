package dev.parley.application.port.in;

/** Finds a room's messages by their words, newest first, page by page; members only. */
public interface SearchMessagesUseCase {
  Page<MessageView> searchMessages(SearchMessagesQuery query);
}

package dev.parley.application.port.in;

/** Marks a message and everything after it unread again: the one way a read marker moves back. */
public interface MarkUnreadUseCase {
  ReadMarker markUnread(MarkUnreadCommand command);
}

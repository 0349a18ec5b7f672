package dev.parley.application.port.in;

import java.util.List;

/**
 * A window of a room's history, in ascending sequence order.
 *
 * @param olderCursor fetches the page before this one; null when this page starts at the beginning
 * @param newerCursor fetches the page after this one; null when this page reaches the latest
 *     message
 */
public record HistoryPage(List<MessageView> messages, String olderCursor, String newerCursor) {
  public HistoryPage {
    messages = List.copyOf(messages);
  }
}

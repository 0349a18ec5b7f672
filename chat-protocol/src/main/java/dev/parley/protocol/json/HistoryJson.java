package dev.parley.protocol.json;

import dev.parley.application.port.in.HistoryPage;
import dev.parley.application.port.in.Resume;
import java.util.List;

/**
 * A window of history, ascending by sequence; a cursor is absent where there is nothing more in
 * that direction.
 */
public record HistoryJson(List<MessageJson> messages, String olderCursor, String newerCursor) {
  public static HistoryJson of(HistoryPage page) {
    return new HistoryJson(
        page.messages().stream().map(MessageJson::of).toList(),
        page.olderCursor(),
        page.newerCursor());
  }

  /** What a client missed in one room (the resume part of a subscribe acknowledgement). */
  public record ResumeJson(
      List<MessageJson> messages, boolean limited, String olderCursor, long lastSequence) {
    public static ResumeJson of(Resume resume) {
      return new ResumeJson(
          resume.messages().stream().map(MessageJson::of).toList(),
          resume.limited(),
          resume.olderCursor(),
          resume.lastSequence());
    }
  }
}

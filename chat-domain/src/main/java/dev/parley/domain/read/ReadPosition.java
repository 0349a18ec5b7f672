package dev.parley.domain.read;

/**
 * Read-state rules. A member's read marker is the sequence of the last message they have read (0
 * for none). Marking read only moves it forward; only an explicit mark-unread moves it back.
 */
public final class ReadPosition {
  private ReadPosition() {}

  /** Where a mark-read to {@code requested} leaves a marker now at {@code current}. */
  public static long markRead(long current, long requested, long lastSequence) {
    long clamped = Math.min(Math.max(requested, 0), lastSequence);
    return Math.max(current, clamped);
  }

  /**
   * Where a mark-unread of the message at {@code sequence} leaves the marker: just before it, so
   * that message and everything after it count as unread again.
   */
  public static long markUnread(long sequence) {
    return sequence <= 0 ? 0 : sequence - 1; // not Math.max(sequence - 1, 0): MIN_VALUE wraps
  }
}

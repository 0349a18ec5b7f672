package dev.parley.domain.room;

/**
 * Per-room settings.
 *
 * @param maxMessageLength longest message body in Unicode code points, 1 to {@link
 *     #HARD_MAX_MESSAGE_LENGTH}
 * @param slowModeSeconds minimum seconds between two posts of one member, 0 (off) to {@link
 *     #MAX_SLOW_MODE_SECONDS}; moderators and above are exempt
 * @param presenceEvents whether presence changes of members are broadcast in this room (costly in
 *     big rooms, so it can be switched off)
 * @param typingEvents whether typing notifications are broadcast in this room
 */
public record RoomSettings(
    int maxMessageLength, int slowModeSeconds, boolean presenceEvents, boolean typingEvents) {

  /** Default body limit, in code points (Stream Chat uses 5,000 characters). */
  public static final int DEFAULT_MAX_MESSAGE_LENGTH = 4_000;

  /**
   * Hard ceiling: 16,000 code points are at most 64,000 UTF-8 bytes, which keeps a message event
   * well inside API Gateway's 128 KB WebSocket frame and DynamoDB's 400 KB item.
   */
  public static final int HARD_MAX_MESSAGE_LENGTH = 16_000;

  /** Slow mode range of the best chat APIs: 1 to 120 seconds. */
  public static final int MAX_SLOW_MODE_SECONDS = 120;

  public static final RoomSettings DEFAULTS =
      new RoomSettings(DEFAULT_MAX_MESSAGE_LENGTH, 0, true, true);

  public RoomSettings {
    if (maxMessageLength < 1 || maxMessageLength > HARD_MAX_MESSAGE_LENGTH) {
      throw new IllegalArgumentException(
          "maxMessageLength must be 1-" + HARD_MAX_MESSAGE_LENGTH + ", was " + maxMessageLength);
    }
    if (slowModeSeconds < 0 || slowModeSeconds > MAX_SLOW_MODE_SECONDS) {
      throw new IllegalArgumentException(
          "slowModeSeconds must be 0-" + MAX_SLOW_MODE_SECONDS + ", was " + slowModeSeconds);
    }
  }

  public boolean slowModeOn() {
    return slowModeSeconds > 0;
  }
}

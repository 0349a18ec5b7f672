package dev.parley.application.port.in;

import dev.parley.domain.room.RoomSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Room settings as a client sends them; null fields keep the current (or default) value.
 *
 * @param maxMessageLength in code points, 1 to 16,000
 * @param slowModeSeconds 0 (off) to 120
 */
public record RoomSettingsInput(
    @Min(1) @Max(RoomSettings.HARD_MAX_MESSAGE_LENGTH) Integer maxMessageLength,
    @Min(0) @Max(RoomSettings.MAX_SLOW_MODE_SECONDS) Integer slowModeSeconds,
    Boolean presenceEvents,
    Boolean typingEvents) {

  /** Applies the given fields on top of {@code base}. */
  public RoomSettings applyTo(RoomSettings base) {
    return new RoomSettings(
        maxMessageLength != null ? maxMessageLength : base.maxMessageLength(),
        slowModeSeconds != null ? slowModeSeconds : base.slowModeSeconds(),
        presenceEvents != null ? presenceEvents : base.presenceEvents(),
        typingEvents != null ? typingEvents : base.typingEvents());
  }
}

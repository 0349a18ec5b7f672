package dev.parley.protocol.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes an {@link Instant} exactly as {@link Instant#toString()} does ({@code
 * 2026-11-21T14:48:03.120Z}: seconds always, the fraction in groups of three digits as needed), but
 * without going through {@code DateTimeFormatter}: every message carries one or more, and the
 * formatter was about a sixth of the cost of writing a posted message. Instants outside years
 * 1970-9999 still use {@code toString}.
 */
final class IsoInstantSerializer extends StdSerializer<Instant> {
  /** 9999-12-31T23:59:59Z. */
  private static final long LAST_FAST_SECOND = 253_402_300_799L;

  private static final int SECONDS_PER_DAY = 86_400;

  IsoInstantSerializer() {
    super(Instant.class);
  }

  @Override
  public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider)
      throws IOException {
    generator.writeString(format(value));
  }

  static String format(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < 0 || seconds > LAST_FAST_SECOND) {
      return instant.toString();
    }
    LocalDate date = LocalDate.ofEpochDay(seconds / SECONDS_PER_DAY);
    int secondOfDay = (int) (seconds % SECONDS_PER_DAY);
    char[] text = new char[30];
    digits(text, 0, date.getYear(), 4);
    text[4] = '-';
    digits(text, 5, date.getMonthValue(), 2);
    text[7] = '-';
    digits(text, 8, date.getDayOfMonth(), 2);
    text[10] = 'T';
    digits(text, 11, secondOfDay / 3600, 2);
    text[13] = ':';
    digits(text, 14, secondOfDay / 60 % 60, 2);
    text[16] = ':';
    digits(text, 17, secondOfDay % 60, 2);
    int length = 19;
    int nanos = instant.getNano();
    if (nanos != 0) {
      text[length++] = '.';
      if (nanos % 1_000_000 == 0) {
        length = digits(text, length, nanos / 1_000_000, 3);
      } else if (nanos % 1_000 == 0) {
        length = digits(text, length, nanos / 1_000, 6);
      } else {
        length = digits(text, length, nanos, 9);
      }
    }
    text[length++] = 'Z';
    return new String(text, 0, length);
  }

  /** Writes {@code value} zero-padded to {@code width} digits at {@code at}; returns the end. */
  private static int digits(char[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return at + width;
  }
}

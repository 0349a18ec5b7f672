package dev.parley.local.apigateway;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/** The request ids and times API Gateway stamps on every event of both APIs. */
final class EventStamps {
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

  private EventStamps() {}

  static String eventId() {
    return UUID.randomUUID().toString();
  }

  /** API Gateway's {@code requestTime}, such as {@code 09/Apr/2025:12:34:56 +0000}. */
  static String requestTime(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).format(REQUEST_TIME);
  }
}

package dev.parley.adapter.fargate.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLinesEncoderTest {
  private final LoggerContext context = new LoggerContext();
  private final Logger logger = context.getLogger("dev.parley.access");
  private final JsonLinesEncoder encoder = new JsonLinesEncoder();

  private LoggingEvent event(String message, Throwable error, Object... args) {
    return event(Map.of(), message, error, args);
  }

  private LoggingEvent event(
      Map<String, String> mdc, String message, Throwable error, Object... args) {
    LoggingEvent event = new LoggingEvent("fqcn", logger, Level.INFO, message, error, args);
    event.setThreadName("worker-1");
    event.setTimeStamp(1_700_000_000_123L);
    // Set explicitly: this bare LoggerContext has no MDC adapter to copy the MDC from.
    event.setMDCPropertyMap(mdc);
    return event;
  }

  private JsonNode encoded(LoggingEvent event) throws Exception {
    byte[] line = encoder.encode(event);
    String text = new String(line, StandardCharsets.UTF_8);
    assertThat(text).endsWith("\n");
    assertThat(text.substring(0, text.length() - 1)).doesNotContain("\n", "\r", "\u2028");
    return Json.readTree(line);
  }

  @Test
  void anEventIsOneJsonLineWithTheFieldsOfLogbacksJsonEncoder() throws Exception {
    LoggingEvent event =
        event(
            Map.of("requestId", "r-1", "userId", "alice"),
            "{} {} {}",
            null,
            "POST",
            "/rooms/{roomId}/messages",
            201);

    JsonNode json = encoded(event);

    assertThat(json.get("timestamp").asLong()).isEqualTo(1_700_000_000_123L);
    assertThat(json.get("level").asText()).isEqualTo("INFO");
    assertThat(json.get("threadName").asText()).isEqualTo("worker-1");
    assertThat(json.get("loggerName").asText()).isEqualTo("dev.parley.access");
    assertThat(json.get("mdc").get("requestId").asText()).isEqualTo("r-1");
    assertThat(json.get("mdc").get("userId").asText()).isEqualTo("alice");
    assertThat(json.get("formattedMessage").asText())
        .isEqualTo("POST /rooms/{roomId}/messages 201");
    assertThat(json.has("throwable")).isFalse();
  }

  @Test
  void quotesBackslashesControlsAndLineSeparatorsAreEscaped() throws Exception {
    String nasty = "a\"b\\c\nd\re\tf\u0001g\u001fh\u2028i\u2029j é 😀";

    JsonNode json = encoded(event(nasty, null));

    assertThat(json.get("formattedMessage").asText()).isEqualTo(nasty);
  }

  @Test
  void anUnpairedSurrogateIsWrittenAsAQuestionMarkAsStringGetBytesWould() throws Exception {
    JsonNode json = encoded(event("a\uD800b \uDC00 c\uD83D", null));

    assertThat(json.get("formattedMessage").asText()).isEqualTo("a?b ? c?");
  }

  @Test
  void aLongLineIsWrittenWhole() throws Exception {
    String text = "é".repeat(300) + "x".repeat(1_000) + "😀";

    JsonNode json = encoded(event(Map.of("roomId", "r".repeat(128)), text, null));

    assertThat(json.get("formattedMessage").asText()).isEqualTo(text);
    assertThat(json.get("mdc").get("roomId").asText()).isEqualTo("r".repeat(128));
  }

  @Test
  void anEmptyMdcIsAnEmptyObject() throws Exception {
    JsonNode json = encoded(event("started", null));

    assertThat(json.get("mdc").isObject()).isTrue();
    assertThat(json.get("mdc").size()).isZero();
  }

  @Test
  void aThrowableCarriesItsClassMessageAndStackTraceWithCauses() throws Exception {
    IllegalStateException error =
        new IllegalStateException("outer \"quoted\"", new IllegalArgumentException("inner"));

    JsonNode json = encoded(event("failed", error));

    JsonNode throwable = json.get("throwable");
    assertThat(throwable.get("className").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(throwable.get("message").asText()).isEqualTo("outer \"quoted\"");
    assertThat(throwable.get("stackTrace").asText())
        .startsWith("java.lang.IllegalStateException: outer \"quoted\"\n\tat ")
        .contains("Caused by: java.lang.IllegalArgumentException: inner\n")
        .contains("JsonLinesEncoderTest.aThrowableCarriesItsClassMessageAndStackTraceWithCauses");
  }
}

package dev.parley.adapter.fargate.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A logback encoder writing one JSON object per event: {@code timestamp} (epoch milliseconds),
 * {@code level}, {@code threadName}, {@code loggerName}, {@code mdc} (request, user and room ids),
 * {@code formattedMessage}, and {@code throwable} ({@code className}, {@code message}, {@code
 * stackTrace} as one string) when there is one. The field names are those of logback's own {@code
 * JsonEncoder}, so log queries work with either.
 *
 * <p>Why not logback's {@code JsonEncoder}: the server writes an access-log line per request, and
 * that encoder, which also handles markers, arguments, key-value pairs and context properties, was
 * 11 % of the server's CPU on a post in the load benchmark. This one writes only the fields above,
 * in one pass into one builder.
 *
 * <p>Optional: adapter-fargate itself logs through SLF4J only; reference this class from a
 * logback.xml ({@code <encoder class="dev.parley.adapter.fargate.logging.JsonLinesEncoder"/>}) when
 * logback is the binding.
 */
public final class JsonLinesEncoder extends EncoderBase<ILoggingEvent> {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  @Override
  public byte[] headerBytes() {
    return null;
  }

  @Override
  public byte[] footerBytes() {
    return null;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    StringBuilder json = new StringBuilder(256);
    json.append("{\"timestamp\":").append(event.getTimeStamp());
    json.append(",\"level\":\"").append(event.getLevel().levelStr).append('"');
    field(json, "threadName", event.getThreadName());
    field(json, "loggerName", event.getLoggerName());
    Map<String, String> mdc = event.getMDCPropertyMap();
    json.append(",\"mdc\":{");
    if (mdc != null) {
      boolean first = true;
      for (Map.Entry<String, String> entry : mdc.entrySet()) {
        if (!first) {
          json.append(',');
        }
        first = false;
        string(json, entry.getKey());
        json.append(':');
        string(json, entry.getValue());
      }
    }
    json.append('}');
    field(json, "formattedMessage", event.getFormattedMessage());
    IThrowableProxy throwable = event.getThrowableProxy();
    if (throwable != null) {
      json.append(",\"throwable\":{");
      json.append("\"className\":");
      string(json, throwable.getClassName());
      field(json, "message", throwable.getMessage());
      field(json, "stackTrace", stackTrace(throwable));
      json.append('}');
    }
    json.append("}\n");
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void field(StringBuilder json, String name, String value) {
    json.append(",\"").append(name).append("\":");
    string(json, value);
  }

  /** A JSON string (or null), escaped per RFC 8259: quote, backslash and control characters. */
  static void string(StringBuilder json, String value) {
    if (value == null) {
      json.append("null");
      return;
    }
    json.append('"');
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        // The two line separators are valid JSON but split lines in some log shippers.
        case '\u2028' -> json.append("\\u2028");
        case '\u2029' -> json.append("\\u2029");
        default -> {
          if (c < 0x20) {
            json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }

  /** The throwable and its causes, as {@code printStackTrace} would write them. */
  private static String stackTrace(IThrowableProxy throwable) {
    StringBuilder text = new StringBuilder(1024);
    IThrowableProxy current = throwable;
    int depth = 0;
    while (current != null && depth++ < 10) {
      if (current != throwable) {
        text.append("Caused by: ");
      }
      text.append(current.getClassName());
      if (current.getMessage() != null) {
        text.append(": ").append(current.getMessage());
      }
      text.append('\n');
      StackTraceElementProxy[] frames = current.getStackTraceElementProxyArray();
      int shown = frames.length - current.getCommonFrames();
      for (int i = 0; i < shown; i++) {
        text.append("\tat ").append(frames[i].getStackTraceElement()).append('\n');
      }
      if (current.getCommonFrames() > 0) {
        text.append("\t... ").append(current.getCommonFrames()).append(" more\n");
      }
      current = current.getCause();
    }
    return text.toString();
  }
}

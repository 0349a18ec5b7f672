package dev.parley.adapter.fargate.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 * in one pass, as UTF-8 bytes.
 *
 * <p>Optional: adapter-fargate itself logs through SLF4J only; reference this class from a
 * logback.xml ({@code <encoder class="dev.parley.adapter.fargate.logging.JsonLinesEncoder"/>}) when
 * logback is the binding.
 */
public final class JsonLinesEncoder extends EncoderBase<ILoggingEvent> {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /** Enough for an access-log line with its MDC, so the buffer rarely grows. */
  private static final int INITIAL_LINE_BYTES = 512;

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
    Line json = new Line();
    json.ascii("{\"timestamp\":").number(event.getTimeStamp());
    json.ascii(",\"level\":\"").ascii(event.getLevel().levelStr).ascii("\"");
    field(json, "threadName", event.getThreadName());
    field(json, "loggerName", event.getLoggerName());
    Map<String, String> mdc = event.getMDCPropertyMap();
    json.ascii(",\"mdc\":{");
    if (mdc != null) {
      boolean first = true;
      for (Map.Entry<String, String> entry : mdc.entrySet()) {
        if (!first) {
          json.ascii(",");
        }
        first = false;
        json.string(entry.getKey()).ascii(":").string(entry.getValue());
      }
    }
    json.ascii("}");
    field(json, "formattedMessage", event.getFormattedMessage());
    IThrowableProxy throwable = event.getThrowableProxy();
    if (throwable != null) {
      json.ascii(",\"throwable\":{\"className\":").string(throwable.getClassName());
      field(json, "message", throwable.getMessage());
      field(json, "stackTrace", stackTrace(throwable));
      json.ascii("}");
    }
    return json.ascii("}\n").toByteArray();
  }

  private static void field(Line json, String name, String value) {
    json.ascii(",\"").ascii(name).ascii("\":").string(value);
  }

  /**
   * One line, written as UTF-8 straight into a byte array: building a String and encoding it copied
   * every line twice more.
   */
  private static final class Line {
    private byte[] bytes = new byte[INITIAL_LINE_BYTES];
    private int length;

    /** Text known to be ASCII: this class's own names and punctuation, level names. */
    Line ascii(String text) {
      int n = text.length();
      room(n);
      for (int i = 0; i < n; i++) {
        bytes[length++] = (byte) text.charAt(i);
      }
      return this;
    }

    Line number(long value) {
      if (value < 0) {
        return ascii(Long.toString(value));
      }
      int digits = 1;
      for (long rest = value / 10; rest > 0; rest /= 10) {
        digits++;
      }
      room(digits);
      for (int i = length + digits - 1; i >= length; i--) {
        bytes[i] = (byte) ('0' + value % 10);
        value /= 10;
      }
      length += digits;
      return this;
    }

    /**
     * A JSON string (or null), escaped per RFC 8259 (quote, backslash and control characters) and
     * encoded as {@code String.getBytes(UTF_8)} would: an unpaired surrogate becomes '?'.
     */
    Line string(String value) {
      if (value == null) {
        return ascii("null");
      }
      room(1);
      bytes[length++] = '"';
      int n = value.length();
      for (int i = 0; i < n; i++) {
        char c = value.charAt(i);
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
          room(1);
          bytes[length++] = (byte) c;
          continue;
        }
        switch (c) {
          case '"' -> ascii("\\\"");
          case '\\' -> ascii("\\\\");
          case '\n' -> ascii("\\n");
          case '\r' -> ascii("\\r");
          case '\t' -> ascii("\\t");
          // The two line separators are valid JSON but split lines in some log shippers.
          case '\u2028' -> ascii("\\u2028");
          case '\u2029' -> ascii("\\u2029");
          default -> {
            if (c < 0x20) {
              ascii("\\u00");
              room(2);
              bytes[length++] = HEX[c >> 4];
              bytes[length++] = HEX[c & 0xF];
            } else if (Character.isHighSurrogate(c)
                && i + 1 < n
                && Character.isLowSurrogate(value.charAt(i + 1))) {
              utf8(Character.toCodePoint(c, value.charAt(++i)));
            } else if (Character.isSurrogate(c)) {
              room(1);
              bytes[length++] = '?';
            } else {
              utf8(c);
            }
          }
        }
      }
      room(1);
      bytes[length++] = '"';
      return this;
    }

    private void utf8(int codePoint) {
      room(4);
      if (codePoint < 0x800) {
        bytes[length++] = (byte) (0xC0 | codePoint >> 6);
      } else if (codePoint < 0x10000) {
        bytes[length++] = (byte) (0xE0 | codePoint >> 12);
        bytes[length++] = (byte) (0x80 | (codePoint >> 6 & 0x3F));
      } else {
        bytes[length++] = (byte) (0xF0 | codePoint >> 18);
        bytes[length++] = (byte) (0x80 | (codePoint >> 12 & 0x3F));
        bytes[length++] = (byte) (0x80 | (codePoint >> 6 & 0x3F));
      }
      bytes[length++] = (byte) (0x80 | (codePoint & 0x3F));
    }

    private void room(int more) {
      if (length + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
      }
    }

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, length);
    }
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

package dev.parley.protocol.http;

import dev.parley.application.error.Violation;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One problem to report: its type, a human detail, the field violations and any headers it needs
 * (Retry-After and friends). Never carries a stack trace.
 *
 * @param reason a stable machine-readable sub-code (such as a denial reason), or null
 */
public record Problem(
    ProblemType type,
    String detail,
    String reason,
    List<Violation> violations,
    Map<String, String> headers) {

  public Problem {
    violations = violations == null ? List.of() : List.copyOf(violations);
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  public static Problem of(ProblemType type, String detail) {
    return new Problem(type, detail, null, List.of(), Map.of());
  }

  public static Problem invalid(ProblemType type, String field, String message) {
    return new Problem(type, message, null, List.of(new Violation(field, message)), Map.of());
  }

  /** The same problem with one more response header. */
  public Problem withHeader(String name, String value) {
    java.util.Map<String, String> copy = new java.util.LinkedHashMap<>(headers);
    copy.put(name, value);
    return new Problem(type, detail, reason, violations, copy);
  }

  static String seconds(Duration duration) {
    long seconds = (duration.toMillis() + 999) / 1000;
    return Long.toString(Math.max(1, seconds));
  }
}

package dev.parley.adapter.fargate;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Request ids: the caller's {@code X-Request-Id} when it is short and harmless (it goes into logs
 * and problem details verbatim), else a fresh UUID.
 */
final class RequestIds {
  static final String HEADER = "X-Request-Id";

  /** Letters, digits and {@code . _ : -}: nothing that could forge a log line or a header. */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");

  private RequestIds() {}

  static String fromHeader(String value) {
    return value != null && SAFE.matcher(value).matches() ? value : UUID.randomUUID().toString();
  }
}

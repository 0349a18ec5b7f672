package dev.parley.adapter.fargate;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids: the caller's {@code X-Request-Id} when it is short and harmless (it goes into logs
 * and problem details verbatim), else a fresh random (version 4) UUID.
 *
 * <p>Runs on every request, so both halves avoid the costly path: a character scan instead of a
 * regex, and {@link ThreadLocalRandom} instead of {@link UUID#randomUUID()}, whose SecureRandom
 * reads /dev/urandom under a lock. A request id needs to be unique, not unguessable.
 */
final class RequestIds {
  static final String HEADER = "X-Request-Id";

  static final int MAX_LENGTH = 64;

  private RequestIds() {}

  static String fromHeader(String value) {
    return isSafe(value) ? value : fresh();
  }

  /** 1 to 64 letters, digits and {@code . _ : -}: nothing that could forge a log line or header. */
  static boolean isSafe(String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean safe =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == ':'
              || c == '-';
      if (!safe) {
        return false;
      }
    }
    return true;
  }

  private static String fresh() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & ~(0b11L << 62)) | (0b10L << 62); // IETF variant
    return new UUID(high, low).toString();
  }
}

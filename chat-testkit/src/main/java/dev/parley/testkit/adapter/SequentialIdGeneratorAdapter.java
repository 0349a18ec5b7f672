package dev.parley.testkit.adapter;

import dev.parley.application.port.out.IdGeneratorPort;
import dev.parley.domain.shared.Identifiers;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deterministic ids for tests: the prefix followed by a counter ("id-1", "id-2" ...). Thread-safe;
 * never returns null or the same id twice from one instance. Unique across nodes only when every
 * node has its own prefix: two instances with the same prefix repeat each other.
 */
public final class SequentialIdGeneratorAdapter implements IdGeneratorPort {
  private static final String URL_SAFE = "[A-Za-z0-9._~-]*";

  private final String prefix;
  private final AtomicLong counter = new AtomicLong();

  /** Ids "id-1", "id-2" ... */
  public SequentialIdGeneratorAdapter() {
    this("id-");
  }

  /**
   * @param prefix URL-unreserved characters only (letters, digits, {@code - . _ ~}), may be empty
   */
  public SequentialIdGeneratorAdapter(String prefix) {
    if (!prefix.matches(URL_SAFE) || prefix.length() > Identifiers.MAX_LENGTH - 19) {
      throw new IllegalArgumentException("prefix must be short and URL-safe: " + prefix);
    }
    this.prefix = prefix;
  }

  @Override
  public String newId() {
    return prefix + counter.incrementAndGet();
  }
}

package dev.parley.adapter.postgres;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what the PostgreSQL store keeps past its use: expired connections (and their
 * subscriptions), expired typing notices and rate-limit windows long past. PostgreSQL has no TTL as
 * DynamoDB does, and the hot paths never delete (readers skip expired rows), so a deployment runs
 * this on a schedule: a daemon thread on Fargate, a scheduled function on Lambda. The deletes are
 * idempotent, so every node may run it at once.
 */
@Singleton
public final class PostgresStorePurge {
  /** Far above the longest rate-limit window (one minute), so no live counter is deleted. */
  public static final Duration RATE_LIMIT_RETENTION = Duration.ofHours(1);

  private static final Logger LOG = LoggerFactory.getLogger(PostgresStorePurge.class);

  private final PostgresConnectionAdapter connections;
  private final PostgresTypingAdapter typing;
  private final PostgresRateLimitAdapter rateLimits;

  @Inject
  public PostgresStorePurge(
      PostgresConnectionAdapter connections,
      PostgresTypingAdapter typing,
      PostgresRateLimitAdapter rateLimits) {
    this.connections = connections;
    this.typing = typing;
    this.rateLimits = rateLimits;
  }

  /**
   * One round of every purge as of {@code now}. A purge that fails (the database is down) is logged
   * and left for the next round; the others still run. Never throws.
   *
   * @return rows deleted per purge ("connections", "typing", "rate limits"); a failed one is absent
   */
  public Map<String, Integer> purgeOnce(Instant now) {
    Map<String, Integer> deleted = new LinkedHashMap<>();
    run(deleted, "connections", () -> connections.purgeExpired(now));
    run(deleted, "typing", () -> typing.purgeExpired(now));
    run(
        deleted,
        "rate limits",
        () -> rateLimits.purgeWindowsBefore(now.minus(RATE_LIMIT_RETENTION)));
    return deleted;
  }

  /** Runs one purge, recording its count; logs and skips it if it fails. */
  public static void run(Map<String, Integer> deleted, String what, IntSupplier purge) {
    try {
      int rows = purge.getAsInt();
      deleted.put(what, rows);
      if (rows > 0) {
        LOG.debug("purged {} {} rows", rows, what);
      }
    } catch (RuntimeException e) {
      LOG.warn("purge of {} failed; retrying next round: {}", what, e.getMessage());
    }
  }
}

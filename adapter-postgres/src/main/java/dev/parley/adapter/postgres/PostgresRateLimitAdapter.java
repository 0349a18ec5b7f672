package dev.parley.adapter.postgres;

import dev.parley.application.port.out.RateLimitPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Fixed-window counters in PostgreSQL, one row per key. Windows are aligned to the epoch (as in the
 * in-memory adapter), so every node computes the same window. One upsert takes the permit: the row
 * lock serialises concurrent acquires of a key, so exactly {@code permits} per window pass.
 */
@Singleton
public final class PostgresRateLimitAdapter implements RateLimitPort {
  // A late caller with an older window counts against the newer one instead of reopening it; the
  // count stops one above the limit so it cannot overflow under a flood.
  private static final String ACQUIRE =
      "INSERT INTO rate_limits AS r (key, window_start, used) VALUES (?, ?, 1)"
          + " ON CONFLICT (key) DO UPDATE SET"
          + " used = CASE WHEN excluded.window_start > r.window_start THEN 1"
          + " ELSE LEAST(r.used + 1, ?) END,"
          + " window_start = GREATEST(r.window_start, excluded.window_start)"
          + " RETURNING window_start, used";
  private static final String PURGE = "DELETE FROM rate_limits WHERE window_start < ?";

  private final Jdbc jdbc;

  @Inject
  public PostgresRateLimitAdapter(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public RateDecision acquire(String key, Limit limit, Instant now) {
    long windowMillis = limit.window().toMillis();
    if (windowMillis < 1) {
      throw new IllegalArgumentException("windows shorter than a millisecond are not supported");
    }
    long start = Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis;
    return jdbc.autocommit(
        "rate limit",
        c -> {
          try (PreparedStatement upsert = c.prepareStatement(ACQUIRE)) {
            upsert.setString(1, key);
            upsert.setLong(2, start);
            // The counter stops one past the limit; Integer.MAX_VALUE permits (no limit) would
            // overflow that to a negative cap, so it stops at the limit itself there.
            upsert.setInt(
                3, limit.permits() == Integer.MAX_VALUE ? limit.permits() : limit.permits() + 1);
            try (ResultSet row = upsert.executeQuery()) {
              row.next();
              Instant resetAt = Instant.ofEpochMilli(row.getLong(1) + windowMillis);
              int used = row.getInt(2);
              return used <= limit.permits()
                  ? new Permitted(limit.permits(), limit.permits() - used, resetAt)
                  : new Throttled(limit.permits(), resetAt);
            }
          }
        });
  }

  /**
   * Deletes the counters of windows that started before {@code before}; the caller schedules it
   * (with {@code before} at least one longest window ago). Returns how many were deleted.
   */
  public int purgeWindowsBefore(Instant before) {
    return jdbc.autocommit(
        "purge rate limits",
        c -> {
          try (PreparedStatement delete = c.prepareStatement(PURGE)) {
            delete.setLong(1, before.toEpochMilli());
            return delete.executeUpdate();
          }
        });
  }
}

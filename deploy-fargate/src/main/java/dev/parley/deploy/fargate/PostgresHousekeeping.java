package dev.parley.deploy.fargate;

import dev.parley.adapter.postgres.PostgresConnectionAdapter;
import dev.parley.adapter.postgres.PostgresRateLimitAdapter;
import dev.parley.adapter.postgres.PostgresTypingAdapter;
import dev.parley.application.port.out.ClockPort;
import dev.parley.bus.postgres.PostgresClusterBus;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic purges of the PostgreSQL store, on one daemon thread: expired connections (and their
 * subscriptions), expired typing notices, rate-limit windows long past, and event-outbox rows older
 * than {@link PostgresClusterBus#DEFAULT_RETENTION}. Every node may run it: the deletes are
 * idempotent. A failed purge (the database is down) is logged and retried on the next round.
 */
@Singleton
public final class PostgresHousekeeping implements AutoCloseable {
  /** How often the purges run. */
  static final Duration PERIOD = Duration.ofSeconds(30);

  /** Far above the longest rate-limit window (one minute), so no live counter is deleted. */
  static final Duration RATE_LIMIT_RETENTION = Duration.ofHours(1);

  private static final Logger LOG = LoggerFactory.getLogger(PostgresHousekeeping.class);

  private final PostgresConnectionAdapter connections;
  private final PostgresTypingAdapter typing;
  private final PostgresRateLimitAdapter rateLimits;
  private final PostgresClusterBus eventBus;
  private final ClockPort clock;
  private ScheduledExecutorService scheduler;

  @Inject
  public PostgresHousekeeping(
      PostgresConnectionAdapter connections,
      PostgresTypingAdapter typing,
      PostgresRateLimitAdapter rateLimits,
      PostgresClusterBus eventBus,
      ClockPort clock) {
    this.connections = connections;
    this.typing = typing;
    this.rateLimits = rateLimits;
    this.eventBus = eventBus;
    this.clock = clock;
  }

  /** Schedules the purges every {@link #PERIOD}, the first one right away. */
  public synchronized void start() {
    if (scheduler != null) {
      throw new IllegalStateException("housekeeping starts once");
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("parley-housekeeping").daemon().factory());
    scheduler.scheduleWithFixedDelay(this::purgeOnce, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One round of every purge; never throws (a throwing task would end the schedule). */
  void purgeOnce() {
    Instant now = clock.now();
    run("connections", () -> connections.purgeExpired(now));
    run("typing", () -> typing.purgeExpired(now));
    run("rate limits", () -> rateLimits.purgeWindowsBefore(now.minus(RATE_LIMIT_RETENTION)));
    run(
        "event outbox",
        () -> eventBus.purgeOutboxBefore(now.minus(PostgresClusterBus.DEFAULT_RETENTION)));
  }

  private static void run(String what, java.util.function.IntSupplier purge) {
    try {
      int deleted = purge.getAsInt();
      if (deleted > 0) {
        LOG.debug("purged {} {} rows", deleted, what);
      }
    } catch (RuntimeException e) {
      LOG.warn("purge of {} failed; retrying next round: {}", what, e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}

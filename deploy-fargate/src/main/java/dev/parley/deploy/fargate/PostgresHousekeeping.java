package dev.parley.deploy.fargate;

import dev.parley.adapter.postgres.PostgresStorePurge;
import dev.parley.application.port.out.ClockPort;
import dev.parley.bus.postgres.PostgresClusterBus;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The periodic purges of the PostgreSQL store on one daemon thread: the store's own ({@link
 * PostgresStorePurge}: expired connections and their subscriptions, typing notices, old rate-limit
 * windows) and event-outbox rows older than {@link PostgresClusterBus#DEFAULT_RETENTION}. Every
 * node may run it: the deletes are idempotent. A failed purge (the database is down) is logged and
 * retried on the next round.
 */
@Singleton
public final class PostgresHousekeeping implements AutoCloseable {
  /** How often the purges run. */
  static final Duration PERIOD = Duration.ofSeconds(30);

  private final PostgresStorePurge store;
  private final PostgresClusterBus eventBus;
  private final ClockPort clock;
  private ScheduledExecutorService scheduler;

  @Inject
  public PostgresHousekeeping(
      PostgresStorePurge store, PostgresClusterBus eventBus, ClockPort clock) {
    this.store = store;
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
  Map<String, Integer> purgeOnce() {
    Instant now = clock.now();
    Map<String, Integer> deleted = store.purgeOnce(now);
    PostgresStorePurge.run(
        deleted,
        "event outbox",
        () -> eventBus.purgeOutboxBefore(now.minus(PostgresClusterBus.DEFAULT_RETENTION)));
    return deleted;
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}

package dev.parley.archfixture.bad.bus.postgres;

import dev.parley.archfixture.bad.adapter.postgres.PostgresClock;

/** Breaks: a cluster bus reaching into a store adapter. */
public final class PostgresStoreBus {
  private final PostgresClock clock = new PostgresClock();

  public Object clock() {
    return clock;
  }
}

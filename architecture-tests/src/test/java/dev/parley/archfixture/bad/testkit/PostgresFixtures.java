package dev.parley.archfixture.bad.testkit;

import dev.parley.archfixture.bad.adapter.postgres.PostgresClock;

/** Violates: a testkit class that reaches for a store adapter other than the in-memory one. */
public final class PostgresFixtures {
  private PostgresFixtures() {}

  public static Class<?> clock() {
    return PostgresClock.class;
  }
}

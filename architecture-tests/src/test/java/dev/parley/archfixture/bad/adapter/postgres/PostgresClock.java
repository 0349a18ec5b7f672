package dev.parley.archfixture.bad.adapter.postgres;

import dev.parley.archfixture.bad.adapter.dynamodb.DynamoClockAdapter;
import dev.parley.archfixture.bad.application.port.out.ClockPort;
import dev.parley.archfixture.bad.domain.user.UserDirectory;
import java.time.Instant;

/**
 * Breaks: a port implementation not named ...Adapter; one adapter module (postgres) using another
 * (dynamodb); and the adapter half of the domain-adapter cycle.
 */
public final class PostgresClock implements ClockPort {
  private final DynamoClockAdapter fallback = new DynamoClockAdapter();

  @Override
  public Instant now() {
    return fallback.now();
  }

  public boolean knows(UserDirectory directory) {
    return directory != null;
  }
}

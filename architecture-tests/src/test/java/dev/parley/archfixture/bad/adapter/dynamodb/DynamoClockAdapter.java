package dev.parley.archfixture.bad.adapter.dynamodb;

import dev.parley.archfixture.bad.application.port.out.ClockPort;
import java.time.Instant;

/** Correctly named; the postgres adapter wrongly depends on it. */
public final class DynamoClockAdapter implements ClockPort {
  @Override
  public Instant now() {
    return Instant.EPOCH;
  }
}

package dev.parley.archfixture.good.adapter.dynamodb;

import dev.parley.archfixture.good.application.port.out.ClockPort;
import dev.parley.archfixture.good.protocol.Routes;
import java.time.Instant;

/** A second adapter module, independent of the postgres one. */
public final class DynamoClockAdapter implements ClockPort {
  @Override
  public Instant now() {
    return Instant.EPOCH;
  }

  public String route() {
    return Routes.ROOMS;
  }
}

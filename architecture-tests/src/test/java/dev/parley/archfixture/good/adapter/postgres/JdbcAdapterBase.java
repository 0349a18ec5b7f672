package dev.parley.archfixture.good.adapter.postgres;

import dev.parley.archfixture.good.application.port.out.ClockPort;
import java.sql.Connection;
import java.time.Instant;

/**
 * Abstract bases implementing a port need no Adapter suffix; nor does the anonymous port below,
 * which has no name at all.
 */
public abstract class JdbcAdapterBase implements ClockPort {
  private final Connection connection;

  protected JdbcAdapterBase(Connection connection) {
    this.connection = connection;
  }

  @Override
  public Instant now() {
    return fixedClock().now();
  }

  protected Connection connection() {
    return connection;
  }

  private static ClockPort fixedClock() {
    return new ClockPort() {
      @Override
      public Instant now() {
        return Instant.EPOCH;
      }
    };
  }
}

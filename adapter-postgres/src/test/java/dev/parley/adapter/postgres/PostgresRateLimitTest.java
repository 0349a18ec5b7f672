package dev.parley.adapter.postgres;

import dev.parley.application.port.out.RateLimitPort;
import dev.parley.testkit.contract.RateLimitPortContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RateLimitPortContract} against PostgreSQL. */
class PostgresRateLimitTest extends RateLimitPortContract {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  @Override
  protected RateLimitPort rateLimit() {
    return new PostgresRateLimitAdapter(DB.dataSource());
  }
}

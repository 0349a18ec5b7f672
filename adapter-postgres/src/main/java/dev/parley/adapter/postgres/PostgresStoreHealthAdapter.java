package dev.parley.adapter.postgres;

import dev.parley.application.port.out.StoreHealthPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Readiness of the database: {@code SELECT 1} with a one-second query timeout. Bounded by the
 * pool's connection timeout (about 2 s) plus that second; never throws.
 */
@Singleton
public final class PostgresStoreHealthAdapter implements StoreHealthPort {
  private static final int TIMEOUT_SECONDS = 1;

  private final DataSource dataSource;

  @Inject
  public PostgresStoreHealthAdapter(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public boolean isAvailable() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(TIMEOUT_SECONDS);
      return statement.execute("SELECT 1");
    } catch (SQLException | RuntimeException e) {
      // A probe answers "no", it does not fail: the reason is the pool's to log.
      return false;
    }
  }
}

package dev.parley.adapter.postgres;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Applies the schema migrations in {@code db/migration} with Flyway, into the data source's current
 * schema. Safe to call from every node at start: Flyway takes a lock and skips applied versions.
 */
public final class PostgresMigrations {
  private PostgresMigrations() {}

  /** Migrates to the latest version; returns how many migrations ran. */
  public static int migrate(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load()
        .migrate()
        .migrationsExecuted;
  }

  /**
   * Migrates the database of {@code config} on a pool of its own, closed when done: the deployment
   * step of {@link PostgresConfig.Migrations#SEPARATE_STEP}. Returns how many migrations ran.
   */
  public static int migrate(PostgresConfig config) {
    // Two connections: Flyway may hold its lock on one while it migrates on another.
    PostgresConfig migrating =
        config
            .withPoolSize(2)
            .withMinimumIdle(0)
            .withApplicationName(config.applicationName() + "-migrations");
    try (HikariDataSource dataSource = PostgresDataSources.create(migrating)) {
      return migrate(dataSource);
    }
  }
}

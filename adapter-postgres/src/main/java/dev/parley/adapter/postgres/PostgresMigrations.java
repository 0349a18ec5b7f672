package dev.parley.adapter.postgres;

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
}

package dev.parley.adapter.postgres;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh schema per test class: created and migrated with Flyway before the class, dropped after
 * it, with a pool whose {@code currentSchema} points at it, so test classes never see each other's
 * rows. Register as a static {@code @RegisterExtension} field.
 */
public final class PostgresSchema implements BeforeAllCallback, AfterAllCallback {
  private final int poolSize;
  private String schema;
  private HikariDataSource dataSource;
  private PostgresConfig config;

  public PostgresSchema() {
    // The contract suites run up to 50 threads; a big pool keeps them waiting on locks, not
    // on the pool, when the machine is loaded.
    this(25);
  }

  private static final Duration TEST_CONNECTION_TIMEOUT = Duration.ofSeconds(15);

  public PostgresSchema(int poolSize) {
    this.poolSize = poolSize;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    TestDatabase.Coordinates database = TestDatabase.coordinates();
    String prefix = context.getRequiredTestClass().getSimpleName().toLowerCase();
    schema = "t_" + prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    execute(database, "CREATE SCHEMA " + schema);
    config =
        new PostgresConfig(
            database.url(),
            database.user(),
            database.password(),
            schema,
            poolSize,
            "parley-" + schema,
            // Not the 2 s default: contract tests run 50 threads against a smaller pool, all
            // queued on one room's counter row, and on a busy CI machine the wait for a pooled
            // connection then outlasts 2 s without anything being wrong (PostgresOutageTest
            // checks the default's fail-fast behaviour with configurations of its own).
            TEST_CONNECTION_TIMEOUT,
            PostgresConfig.of(database.url(), null, null).statementTimeout(),
            PostgresConfig.of(database.url(), null, null).socketTimeout());
    dataSource = PostgresDataSources.create(config);
    PostgresMigrations.migrate(dataSource);
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    if (dataSource != null) {
      dataSource.close();
    }
    if (schema != null) {
      execute(TestDatabase.coordinates(), "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  public HikariDataSource dataSource() {
    return dataSource;
  }

  /** The configuration of {@link #dataSource()}; its application name is unique to the class. */
  public PostgresConfig config() {
    return config;
  }

  /** Runs {@code sql} on a connection of its own, outside the pool. */
  public static void execute(TestDatabase.Coordinates database, String sql) throws SQLException {
    Properties properties = new Properties();
    if (database.user() != null) {
      properties.setProperty("user", database.user());
      properties.setProperty("password", database.password());
    }
    try (Connection connection = DriverManager.getConnection(database.url(), properties);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}

package dev.parley.adapter.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Properties;

/**
 * Builds the HikariCP pool for a {@link PostgresConfig}, with every timeout bounded so that a
 * database that is down or slow fails calls within seconds instead of hanging them, and the pool
 * replaces broken connections by itself once the database is back. Each new physical connection
 * takes its credentials from the configuration's {@link PostgresCredentialsSource} ({@link
 * CredentialsDataSource}).
 */
public final class PostgresDataSources {
  private PostgresDataSources() {}

  public static HikariDataSource create(PostgresConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setDataSource(
        new CredentialsDataSource(config.url(), properties(config), config.credentials()));
    hikari.setPoolName(config.applicationName());
    hikari.setMaximumPoolSize(config.maxPoolSize());
    hikari.setMinimumIdle(config.minimumIdle());
    hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
    hikari.setValidationTimeout(Math.min(1_000, config.connectionTimeout().toMillis()));
    // Idle connections are checked in the background, so a dead one is usually gone before use.
    hikari.setKeepaliveTime(30_000);
    // Start even while the database is down: calls fail fast and the pool fills once it is back.
    hikari.setInitializationFailTimeout(-1);
    return new HikariDataSource(hikari);
  }

  /** pgjdbc's connection properties; user and password come per connection. */
  private static Properties properties(PostgresConfig config) {
    Properties properties = new Properties();
    properties.setProperty("ApplicationName", config.applicationName());
    properties.setProperty("connectTimeout", Long.toString(seconds(config.connectionTimeout())));
    properties.setProperty("socketTimeout", Long.toString(seconds(config.socketTimeout())));
    properties.setProperty("tcpKeepAlive", "true");
    // The server cancels a statement that runs too long (SQLState 57014, mapped to unavailable).
    properties.setProperty(
        "options", "-c statement_timeout=" + config.statementTimeout().toMillis());
    if (config.schema() != null) {
      properties.setProperty("currentSchema", config.schema());
    }
    return properties;
  }

  private static long seconds(Duration duration) {
    return Math.max(1, (duration.toMillis() + 999) / 1_000);
  }
}

package dev.parley.adapter.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Builds the HikariCP pool for a {@link PostgresConfig}, with every timeout bounded so that a
 * database that is down or slow fails calls within seconds instead of hanging them, and the pool
 * replaces broken connections by itself once the database is back.
 */
public final class PostgresDataSources {
  private PostgresDataSources() {}

  public static HikariDataSource create(PostgresConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(config.url());
    if (config.user() != null) {
      hikari.setUsername(config.user());
    }
    if (config.password() != null) {
      hikari.setPassword(config.password());
    }
    hikari.setPoolName(config.applicationName());
    hikari.setMaximumPoolSize(config.maxPoolSize());
    hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
    hikari.setValidationTimeout(Math.min(1_000, config.connectionTimeout().toMillis()));
    // Idle connections are checked in the background, so a dead one is usually gone before use.
    hikari.setKeepaliveTime(30_000);
    // Start even while the database is down: calls fail fast and the pool fills once it is back.
    hikari.setInitializationFailTimeout(-1);
    hikari.addDataSourceProperty("ApplicationName", config.applicationName());
    hikari.addDataSourceProperty(
        "connectTimeout", Long.toString(seconds(config.connectionTimeout())));
    hikari.addDataSourceProperty("socketTimeout", Long.toString(seconds(config.socketTimeout())));
    hikari.addDataSourceProperty("tcpKeepAlive", "true");
    // The server cancels a statement that runs too long (SQLState 57014, mapped to unavailable).
    hikari.addDataSourceProperty(
        "options", "-c statement_timeout=" + config.statementTimeout().toMillis());
    if (config.schema() != null) {
      hikari.addDataSourceProperty("currentSchema", config.schema());
    }
    return new HikariDataSource(hikari);
  }

  private static long seconds(java.time.Duration duration) {
    return Math.max(1, (duration.toMillis() + 999) / 1_000);
  }
}

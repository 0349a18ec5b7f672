package dev.parley.bus.postgres;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the bus's listening connection goes: the store's database, user and schema. Plain JDBC
 * settings rather than the store's own configuration, so that the bus depends on no store adapter
 * and runs beside any store that can give it a PostgreSQL data source with the outbox table.
 *
 * @param url a {@code jdbc:postgresql://host:port/database} URL
 * @param user the role, or null when the URL (or trust auth) provides it
 * @param password the password, or null
 * @param schema the schema of the outbox table, or null for the default; also names the channel
 * @param applicationName shown in {@code pg_stat_activity}, with {@code -listener} appended
 * @param connectTimeout longest wait to connect
 * @param socketTimeout longest wait for any answer on the socket (a dead server or network)
 */
public record PostgresBusConfig(
    String url,
    String user,
    String password,
    String schema,
    String applicationName,
    Duration connectTimeout,
    Duration socketTimeout) {

  public PostgresBusConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(applicationName, "applicationName");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(socketTimeout, "socketTimeout");
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "PostgresBusConfig[url="
        + url
        + ", user="
        + user
        + ", schema="
        + schema
        + ", applicationName="
        + applicationName
        + "]";
  }
}

package dev.parley.adapter.postgres;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach PostgreSQL, and how long to wait for it before calls fail with {@link
 * dev.parley.application.error.StoreUnavailableException}.
 *
 * @param url a {@code jdbc:postgresql://host:port/database} URL; may carry parameters
 * @param user the role, or null when the URL (or trust auth) provides it
 * @param password the password, or null
 * @param schema the schema to work in (pgjdbc {@code currentSchema}), or null for the default
 * @param maxPoolSize connections per node
 * @param applicationName shown in {@code pg_stat_activity}; also the pool's name
 * @param connectionTimeout longest wait for a pooled connection
 * @param statementTimeout longest a statement may run on the server
 * @param socketTimeout longest wait for any answer on the socket (a dead server or network)
 */
public record PostgresConfig(
    String url,
    String user,
    String password,
    String schema,
    int maxPoolSize,
    String applicationName,
    Duration connectionTimeout,
    Duration statementTimeout,
    Duration socketTimeout) {

  public static final int DEFAULT_POOL_SIZE = 10;
  public static final String DEFAULT_APPLICATION_NAME = "parley";

  public PostgresConfig {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("jdbc:postgresql://")) {
      throw new IllegalArgumentException(
          "CHAT_POSTGRES_URL must be a jdbc:postgresql://host:port/database URL, was: " + url);
    }
    if (maxPoolSize < 1 || maxPoolSize > 500) {
      throw new IllegalArgumentException(
          "CHAT_POSTGRES_POOL_SIZE must be 1-500, was: " + maxPoolSize);
    }
    Objects.requireNonNull(applicationName, "applicationName");
    Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    Objects.requireNonNull(statementTimeout, "statementTimeout");
    Objects.requireNonNull(socketTimeout, "socketTimeout");
  }

  /** Defaults that fail fast: 2 s for a connection, 5 s per statement, 10 s on the socket. */
  public static PostgresConfig of(String url, String user, String password) {
    return new PostgresConfig(
        url,
        user,
        password,
        null,
        DEFAULT_POOL_SIZE,
        DEFAULT_APPLICATION_NAME,
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10));
  }

  /**
   * Reads {@code CHAT_POSTGRES_URL} (required) and the optional {@code CHAT_POSTGRES_USER}, {@code
   * CHAT_POSTGRES_PASSWORD}, {@code CHAT_POSTGRES_SCHEMA} and {@code CHAT_POSTGRES_POOL_SIZE}.
   *
   * @throws IllegalArgumentException naming the variable that is missing or wrong
   */
  public static PostgresConfig fromEnvironment(Map<String, String> environment) {
    String url = blankToNull(environment.get("CHAT_POSTGRES_URL"));
    if (url == null) {
      throw new IllegalArgumentException(
          "CHAT_POSTGRES_URL is not set; expected jdbc:postgresql://host:5432/database");
    }
    int poolSize = DEFAULT_POOL_SIZE;
    String size = blankToNull(environment.get("CHAT_POSTGRES_POOL_SIZE"));
    if (size != null) {
      try {
        poolSize = Integer.parseInt(size.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "CHAT_POSTGRES_POOL_SIZE must be a whole number, was: " + size, e);
      }
    }
    PostgresConfig defaults =
        of(
            url,
            blankToNull(environment.get("CHAT_POSTGRES_USER")),
            environment.get("CHAT_POSTGRES_PASSWORD"));
    return defaults
        .withSchema(blankToNull(environment.get("CHAT_POSTGRES_SCHEMA")))
        .withPoolSize(poolSize);
  }

  public PostgresConfig withSchema(String newSchema) {
    return new PostgresConfig(
        url,
        user,
        password,
        newSchema,
        maxPoolSize,
        applicationName,
        connectionTimeout,
        statementTimeout,
        socketTimeout);
  }

  public PostgresConfig withPoolSize(int newMaxPoolSize) {
    return new PostgresConfig(
        url,
        user,
        password,
        schema,
        newMaxPoolSize,
        applicationName,
        connectionTimeout,
        statementTimeout,
        socketTimeout);
  }

  public PostgresConfig withApplicationName(String newApplicationName) {
    return new PostgresConfig(
        url,
        user,
        password,
        schema,
        maxPoolSize,
        newApplicationName,
        connectionTimeout,
        statementTimeout,
        socketTimeout);
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "PostgresConfig[url="
        + url
        + ", user="
        + user
        + ", schema="
        + schema
        + ", maxPoolSize="
        + maxPoolSize
        + ", applicationName="
        + applicationName
        + "]";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}

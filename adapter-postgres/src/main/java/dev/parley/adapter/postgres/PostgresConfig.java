package dev.parley.adapter.postgres;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach PostgreSQL, how big the pool is, who migrates the schema, and how long to wait for
 * the database before calls fail with {@link
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
 * @param minimumIdle connections the pool keeps open while idle, at most {@code maxPoolSize}; equal
 *     to it (the default) is a pool of fixed size, 0 opens connections only when asked for one
 * @param migrations who applies the schema migrations
 * @param credentials the user and password of each new connection; by default the fixed {@code
 *     user} and {@code password} above (which the cluster bus's listening connection also uses)
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
    Duration socketTimeout,
    int minimumIdle,
    Migrations migrations,
    PostgresCredentialsSource credentials) {

  public static final int DEFAULT_POOL_SIZE = 10;
  public static final String DEFAULT_APPLICATION_NAME = "parley";

  /** Who applies the Flyway migrations ({@link PostgresMigrations}). */
  public enum Migrations {
    /**
     * The pool, when it is first built ({@link PostgresStoreModule}): a long-running server
     * migrates as it starts (Fargate). Flyway's lock lets several nodes start at once.
     */
    AT_START,
    /**
     * A step of the deployment, before the pool serves anything (on Lambda, the migration
     * function): request-serving code never waits on Flyway or its lock.
     */
    SEPARATE_STEP
  }

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
    if (minimumIdle < 0 || minimumIdle > maxPoolSize) {
      throw new IllegalArgumentException(
          "minimumIdle must be 0-" + maxPoolSize + " (the pool size), was: " + minimumIdle);
    }
    Objects.requireNonNull(applicationName, "applicationName");
    Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    Objects.requireNonNull(statementTimeout, "statementTimeout");
    Objects.requireNonNull(socketTimeout, "socketTimeout");
    Objects.requireNonNull(migrations, "migrations");
    if (credentials == null) {
      credentials = PostgresCredentialsSource.fixed(user, password);
    }
  }

  /** A pool of fixed size with the fixed {@code user} and {@code password}, migrating at start. */
  public PostgresConfig(
      String url,
      String user,
      String password,
      String schema,
      int maxPoolSize,
      String applicationName,
      Duration connectionTimeout,
      Duration statementTimeout,
      Duration socketTimeout) {
    this(
        url,
        user,
        password,
        schema,
        maxPoolSize,
        applicationName,
        connectionTimeout,
        statementTimeout,
        socketTimeout,
        maxPoolSize,
        Migrations.AT_START,
        null);
  }

  /**
   * Defaults that fail fast: 2 s for a connection, 5 s per statement, 10 s on the socket; a pool of
   * {@value #DEFAULT_POOL_SIZE} that migrates at start.
   */
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
        socketTimeout,
        minimumIdle,
        migrations,
        credentials);
  }

  /** A pool of fixed size stays fixed; otherwise the idle minimum is capped at the new size. */
  public PostgresConfig withPoolSize(int newMaxPoolSize) {
    int newMinimumIdle =
        minimumIdle == maxPoolSize ? newMaxPoolSize : Math.min(minimumIdle, newMaxPoolSize);
    return new PostgresConfig(
        url,
        user,
        password,
        schema,
        newMaxPoolSize,
        applicationName,
        connectionTimeout,
        statementTimeout,
        socketTimeout,
        newMinimumIdle,
        migrations,
        credentials);
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
        socketTimeout,
        minimumIdle,
        migrations,
        credentials);
  }

  public PostgresConfig withTimeouts(Duration connection, Duration statement, Duration socket) {
    return new PostgresConfig(
        url,
        user,
        password,
        schema,
        maxPoolSize,
        applicationName,
        connection,
        statement,
        socket,
        minimumIdle,
        migrations,
        credentials);
  }

  public PostgresConfig withMinimumIdle(int newMinimumIdle) {
    return new PostgresConfig(
        url,
        user,
        password,
        schema,
        maxPoolSize,
        applicationName,
        connectionTimeout,
        statementTimeout,
        socketTimeout,
        newMinimumIdle,
        migrations,
        credentials);
  }

  public PostgresConfig withMigrations(Migrations newMigrations) {
    return new PostgresConfig(
        url,
        user,
        password,
        schema,
        maxPoolSize,
        applicationName,
        connectionTimeout,
        statementTimeout,
        socketTimeout,
        minimumIdle,
        newMigrations,
        credentials);
  }

  /** Connections take their credentials from {@code source} instead of the fixed ones. */
  public PostgresConfig withCredentials(PostgresCredentialsSource source) {
    return new PostgresConfig(
        url,
        user,
        password,
        schema,
        maxPoolSize,
        applicationName,
        connectionTimeout,
        statementTimeout,
        socketTimeout,
        minimumIdle,
        migrations,
        Objects.requireNonNull(source, "source"));
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
        + ", minimumIdle="
        + minimumIdle
        + ", applicationName="
        + applicationName
        + ", migrations="
        + migrations
        + ", credentials="
        + credentials
        + "]";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}

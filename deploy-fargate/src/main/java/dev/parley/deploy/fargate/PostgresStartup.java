package dev.parley.deploy.fargate;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for PostgreSQL at start: a task may start while its database is still starting or failing
 * over, and exiting then only makes ECS start another task into the same outage. The first
 * connection and the migrations are tried again with a growing pause until a time limit, each retry
 * logged; what is not an outage (a refused password, a broken migration) fails at once. The server
 * does not listen meanwhile, so a load balancer sees the task as not ready.
 */
final class PostgresStartup {
  /** Environment variable: how long a starting task waits for PostgreSQL, in whole seconds. */
  static final String ENV_START_TIMEOUT = "CHAT_POSTGRES_START_TIMEOUT";

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

  private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
  private static final Duration MAX_PAUSE = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(PostgresStartup.class);

  private PostgresStartup() {}

  /**
   * Runs {@code open} until it succeeds, or until a failure that is not an outage, or until the
   * first failure after {@code timeout}, which is then thrown.
   */
  static <T> T await(Supplier<T> open, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Duration pause = FIRST_PAUSE;
    for (int attempt = 1; ; attempt++) {
      try {
        return open.get();
      } catch (RuntimeException e) {
        long left = deadline - System.nanoTime();
        if (!isOutage(e) || left <= 0) {
          throw e;
        }
        Duration wait = pause.toNanos() < left ? pause : Duration.ofNanos(left);
        LOG.warn(
            "PostgreSQL is not reachable yet (attempt {}: {}); retrying in {} ms, for at most {} s"
                + " more",
            attempt,
            rootMessage(e),
            wait.toMillis(),
            Duration.ofNanos(left).toSeconds());
        sleep(wait, e);
        pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
      }
    }
  }

  /**
   * {@value #ENV_START_TIMEOUT}, 1 to 600; {@link #DEFAULT_TIMEOUT} when unset or blank.
   *
   * @throws IllegalArgumentException naming the variable and its bad value
   */
  static Duration timeout(Map<String, String> env) {
    String value = env.get(ENV_START_TIMEOUT);
    if (value == null || value.isBlank()) {
      return DEFAULT_TIMEOUT;
    }
    try {
      long seconds = Long.parseLong(value.strip());
      if (seconds >= 1 && seconds <= MAX_TIMEOUT.toSeconds()) {
        return Duration.ofSeconds(seconds);
      }
    } catch (NumberFormatException e) {
      // reported below, with the range
    }
    String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
    throw new IllegalArgumentException(
        ENV_START_TIMEOUT
            + " must be a whole number of seconds from 1 to "
            + MAX_TIMEOUT.toSeconds()
            + ", was '"
            + shown
            + "'");
  }

  /**
   * A failure to connect (refused, timed out, the server starting up or shutting down), as opposed
   * to one that another attempt would only repeat.
   */
  static boolean isOutage(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      // The pool reports a refused login as a connection timeout too; waiting will not help it.
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("28")) {
        return false;
      }
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        // 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect
        // now.
        if (state.startsWith("08") || state.startsWith("57P0")) {
          return true;
        }
      }
    }
    return false;
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /**
   * The backoff between two tries: the database is another process that announces nothing when it
   * comes up, so trying again after a pause is the only way to wait for it (bounded by the start
   * timeout).
   */
  private static void sleep(Duration wait, RuntimeException failure) {
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure;
    }
  }
}

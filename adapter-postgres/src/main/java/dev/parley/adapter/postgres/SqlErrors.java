package dev.parley.adapter.postgres;

import dev.parley.application.error.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;

/**
 * Maps {@link SQLException}s to the exceptions of the ports: faults of the database (down,
 * restarting, slow, out of connections) become {@link StoreUnavailableException}, so edges answer
 * 503 and clients retry; anything else is a bug or a misconfiguration and stays an {@link
 * IllegalStateException}.
 */
final class SqlErrors {
  /** What a client should wait before retrying: a pool recovers within a few seconds. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(2);

  /**
   * admin_shutdown, crash_shutdown, cannot_connect_now, query_canceled (statement_timeout),
   * too_many_connections, configuration_limit_exceeded, idle session / in-transaction timeouts.
   */
  private static final Set<String> UNAVAILABLE_STATES =
      Set.of("57P01", "57P02", "57P03", "57014", "53300", "53400", "57P05", "25P03");

  private SqlErrors() {}

  /**
   * @param connectionBroken whether the connection the statement ran on is no longer usable
   */
  static RuntimeException translate(SQLException e, String operation, boolean connectionBroken) {
    if (connectionBroken || isUnavailable(e)) {
      return new StoreUnavailableException(
          "PostgreSQL unavailable during " + operation + ": " + e.getMessage(), RETRY_AFTER, e);
    }
    return new IllegalStateException("PostgreSQL error during " + operation, e);
  }

  static boolean isUnavailable(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException
          || t instanceof SQLTimeoutException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || UNAVAILABLE_STATES.contains(state)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Serialization failures and deadlocks: the transaction may simply be run again. */
  static boolean isRetryable(SQLException e) {
    return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
  }

  /** foreign_key_violation. */
  static boolean isForeignKeyViolation(SQLException e) {
    return "23503".equals(e.getSQLState());
  }
}

package dev.parley.adapter.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs JDBC work on a pooled connection, in autocommit or in one transaction, and translates every
 * {@link SQLException} with {@link SqlErrors}. Shared by all adapters so that none of them can
 * forget the translation (or leak a connection).
 */
final class Jdbc {
  /** Deadlocks and serialization failures are retried this often before they surface. */
  private static final int ATTEMPTS = 3;

  private final DataSource dataSource;

  Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Work on a connection; may throw SQLException. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs {@code work} in autocommit mode: for single statements. */
  <T> T autocommit(String operation, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      try {
        return work.run(connection);
      } catch (SQLException e) {
        throw SqlErrors.translate(e, operation, broken(connection));
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e, operation, false);
    }
  }

  /**
   * Runs {@code work} in one READ COMMITTED transaction and commits it; rolls back when it throws.
   * The work may roll back by itself (the replay of a post does), then the commit is a no-op.
   */
  <T> T transaction(String operation, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      // Hikari restores autocommit when the connection goes back to the pool.
      try (Connection connection = dataSource.getConnection()) {
        try {
          connection.setAutoCommit(false);
          T result = work.run(connection);
          connection.commit();
          return result;
        } catch (SQLException e) {
          rollbackQuietly(connection, e);
          if (attempt < ATTEMPTS && SqlErrors.isRetryable(e)) {
            continue;
          }
          throw SqlErrors.translate(e, operation, broken(connection));
        } catch (RuntimeException e) {
          rollbackQuietly(connection, e);
          throw e;
        }
      } catch (SQLException e) {
        throw SqlErrors.translate(e, operation, false);
      }
    }
  }

  /**
   * Whether the connection died under the work: some failures of a dead connection carry no
   * SQLState (a closed Hikari proxy, for one), so ask the connection itself. Only on the error
   * path.
   */
  private static boolean broken(Connection connection) {
    try {
      return connection.isClosed() || !connection.isValid(1);
    } catch (SQLException e) {
      return true;
    }
  }

  private static void rollbackQuietly(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      // The connection is probably gone; the original failure is what matters.
      cause.addSuppressed(rollbackFailure);
    }
  }
}

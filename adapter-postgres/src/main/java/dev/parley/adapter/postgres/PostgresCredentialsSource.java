package dev.parley.adapter.postgres;

import java.sql.SQLException;

/**
 * Where the pool gets the role and password of each new physical connection: asked once per
 * connection the pool opens, never per request. A local database has a fixed password ({@link
 * #fixed}); on AWS a deployment plugs in a source that reads a Secrets Manager secret or generates
 * RDS IAM tokens (deploy-lambda), so that the password may change while the pool lives. This module
 * knows no AWS: the sources that do live with the deployments that need them.
 */
public interface PostgresCredentialsSource {

  /**
   * The credentials for the next new connection; never null.
   *
   * @throws SQLException when there are none to be had (the secret cannot be read); the connection
   *     attempt fails with it, so use a connection SQLState ({@code 08001}) for a fault that may
   *     pass
   */
  PostgresCredentials credentials() throws SQLException;

  /**
   * PostgreSQL refused {@code refused} as a wrong password (SQLState {@code 28P01}): whether {@link
   * #credentials()} now has different ones, worth one more attempt. A rotated secret is read again
   * here; a fixed password has nothing new. Called by concurrent connection attempts; a source that
   * already moved on from {@code refused} answers true without reading anything again.
   */
  default boolean refresh(PostgresCredentials refused) throws SQLException {
    return false;
  }

  /** A fixed user and password (either may be null). */
  static PostgresCredentialsSource fixed(String user, String password) {
    return new FixedCredentials(new PostgresCredentials(user, password));
  }
}

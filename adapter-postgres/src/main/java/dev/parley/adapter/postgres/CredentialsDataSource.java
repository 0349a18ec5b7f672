package dev.parley.adapter.postgres;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The data source under the pool: opens physical connections with pgjdbc's driver, asking a {@link
 * PostgresCredentialsSource} for the credentials of each one, so that a rotated secret or a fresh
 * IAM token reaches the next connection without rebuilding the pool. When PostgreSQL refuses the
 * password (SQLState {@code 28P01}) the source may refresh once and the connection is tried once
 * more: a secret rotated while the pool lived costs one failed login, not an outage.
 */
final class CredentialsDataSource implements DataSource {
  static final String INVALID_PASSWORD = "28P01";

  // The driver itself, not DriverManager: no scan of the class path for drivers on a cold start.
  private final Driver driver = new org.postgresql.Driver();
  private final String url;
  private final Properties properties;
  private final PostgresCredentialsSource credentials;
  private volatile int loginTimeoutSeconds;
  private volatile PrintWriter logWriter;

  /**
   * @param properties pgjdbc connection properties besides user and password
   */
  CredentialsDataSource(String url, Properties properties, PostgresCredentialsSource credentials) {
    this.url = url;
    this.properties = properties;
    this.credentials = credentials;
  }

  @Override
  public Connection getConnection() throws SQLException {
    PostgresCredentials used = credentials.credentials();
    try {
      return connect(used);
    } catch (SQLException refused) {
      if (!INVALID_PASSWORD.equals(refused.getSQLState())) {
        throw refused;
      }
      boolean renewed;
      try {
        renewed = credentials.refresh(used);
      } catch (SQLException e) {
        e.addSuppressed(refused);
        throw e;
      }
      if (!renewed) {
        throw refused;
      }
      return connect(credentials.credentials());
    }
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return connect(new PostgresCredentials(user, password));
  }

  private Connection connect(PostgresCredentials with) throws SQLException {
    Properties connection = new Properties();
    connection.putAll(properties);
    if (with.user() != null) {
      connection.setProperty("user", with.user());
    }
    if (with.password() != null) {
      connection.setProperty("password", with.password());
    }
    Connection opened = driver.connect(url, connection);
    if (opened == null) {
      // PostgresConfig accepts jdbc:postgresql:// URLs only, which the driver always takes.
      throw new SQLException("pgjdbc does not accept the URL " + url, "08001");
    }
    return opened;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    logWriter = out;
  }

  /** Kept as DataSource asks; the {@code connectTimeout} property is what bounds a login. */
  @Override
  public void setLoginTimeout(int seconds) {
    loginTimeoutSeconds = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeoutSeconds;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("pgjdbc logs through java.util.logging by itself");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper of " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}

package dev.parley.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.parley.application.error.StoreUnavailableException;
import dev.parley.testkit.fixture.Ids;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Where the pool's connections get their credentials, and who migrates: each new physical
 * connection asks the {@link PostgresCredentialsSource}, and a pool whose migrations are left to a
 * deployment step does not run them. (The test database trusts loopback connections, so a refused
 * password is tested by sample-app's LambdaPostgresSecretRotationTest on a server of its own.)
 */
class PostgresConnectionCredentialsTest {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema(2);

  @Test
  public void everyNewConnectionAsksTheSourceAndLogsInAsTheUserItNames() throws SQLException {
    String role = "parley_creds_" + UUID.randomUUID().toString().substring(0, 8);
    execute("CREATE ROLE " + role + " LOGIN");
    AtomicInteger asked = new AtomicInteger();
    PostgresCredentialsSource counting =
        () -> {
          asked.incrementAndGet();
          return new PostgresCredentials(role, "any: the test database trusts loopback");
        };
    // A user in the URL would win over the source's (pgjdbc's rule): the URL without it.
    String url = DB.config().url().replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", "");
    PostgresConfig config =
        new PostgresConfig(
                url,
                null,
                null,
                DB.config().schema(),
                2,
                "parley-creds-test",
                DB.config().connectionTimeout(),
                DB.config().statementTimeout(),
                DB.config().socketTimeout())
            .withMinimumIdle(0)
            .withCredentials(counting);
    try (HikariDataSource pool = PostgresDataSources.create(config)) {
      try (Connection first = pool.getConnection();
          Connection second = pool.getConnection()) {
        assertThat(currentUser(first)).isEqualTo(role);
        assertThat(currentUser(second)).isEqualTo(role);
      }
      assertThat(asked).hasValue(2);

      // Reusing a pooled connection asks nothing; a connection opened after an eviction asks again.
      try (Connection again = pool.getConnection()) {
        assertThat(currentUser(again)).isEqualTo(role);
      }
      assertThat(asked).hasValue(2);
      pool.getHikariPoolMXBean().softEvictConnections();
      // With no idle minimum nothing refills the pool: it stays empty until asked.
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> pool.getHikariPoolMXBean().getTotalConnections() == 0);
      try (Connection after = pool.getConnection()) {
        assertThat(currentUser(after)).isEqualTo(role);
      }
      assertThat(asked).hasValue(3);
    } finally {
      execute("DROP ROLE IF EXISTS " + role);
    }
  }

  @Test
  public void credentialsThatCannotBeHadFailCallsAsUnavailable() {
    PostgresConfig config =
        DB.config()
            .withApplicationName("parley-no-creds-test")
            .withCredentials(
                () -> {
                  throw new SQLException("the secret could not be read", "08001");
                });
    try (HikariDataSource pool = PostgresDataSources.create(config)) {
      PostgresMessageStoreAdapter messages = new PostgresMessageStoreAdapter(pool);

      assertThatThrownBy(() -> messages.find(Ids.room(), Ids.message()))
          .isInstanceOf(StoreUnavailableException.class);
    }
  }

  @Test
  public void aPoolWhoseMigrationsAreADeploymentStepDoesNotRunThem() throws SQLException {
    String schema = "t_separate_" + UUID.randomUUID().toString().substring(0, 8);
    execute("CREATE SCHEMA " + schema);
    try {
      PostgresConfig config =
          DB.config()
              .withSchema(schema)
              .withApplicationName("parley-separate-test")
              .withMigrations(PostgresConfig.Migrations.SEPARATE_STEP);
      try (HikariDataSource pool = PostgresStoreModule.hikariDataSource(config)) {
        assertThat(tables(pool, schema)).isZero();
      }

      // The deployment step migrates, once.
      assertThat(PostgresMigrations.migrate(config)).isPositive();
      assertThat(PostgresMigrations.migrate(config)).isZero();

      try (HikariDataSource pool =
          PostgresStoreModule.hikariDataSource(
              config.withMigrations(PostgresConfig.Migrations.AT_START))) {
        assertThat(tables(pool, schema)).isPositive();
      }
    } finally {
      execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  @Test
  public void aServerPoolMigratesWhenItIsBuilt() throws SQLException {
    String schema = "t_at_start_" + UUID.randomUUID().toString().substring(0, 8);
    execute("CREATE SCHEMA " + schema);
    try (HikariDataSource pool =
        PostgresStoreModule.hikariDataSource(
            DB.config().withSchema(schema).withApplicationName("parley-at-start-test"))) {
      assertThat(tables(pool, schema)).isPositive();
    } finally {
      execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  private static int tables(HikariDataSource pool, String schema) throws SQLException {
    try (Connection connection = pool.getConnection();
        var count =
            connection.prepareStatement(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = ?")) {
      count.setString(1, schema);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  private static String currentUser(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT current_user")) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static void execute(String sql) throws SQLException {
    PostgresSchema.execute(TestDatabase.coordinates(), sql);
  }
}

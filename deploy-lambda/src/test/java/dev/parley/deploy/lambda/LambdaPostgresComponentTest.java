package dev.parley.deploy.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.parley.adapter.lambda.LambdaConfig;
import dev.parley.application.port.in.CheckStoreHealthQuery;
import dev.parley.application.port.in.StoreHealth;
import dev.parley.protocol.auth.JwtSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.crac.Resource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The PostgreSQL Lambda component on the test database: it leaves the schema to the migration
 * function, and its snapshot resource closes the pool's connections on the server's side too.
 */
class LambdaPostgresComponentTest {

  @Test
  void theComponentNeverMigratesEvenWhenItsConfigurationWouldAtStart() throws Exception {
    try (TestSchema schema = TestSchema.create("t_lambda_nomigrate")) {
      LambdaPostgresComponent component = component(schema, "parley-lambda-nomigrate");
      try (HikariDataSource pool = component.dataSource()) {
        assertThat(health(component)).isInstanceOf(StoreHealth.Available.class);

        assertThat(schema.tables()).isZero();
        assertThat(pool.getMinimumIdle()).isZero();
        assertThat(pool.getMaximumPoolSize()).isEqualTo(10);
      }
    }
  }

  @Test
  void theSnapshotResourceClosesThePoolsConnectionsBeforeTheSnapshotAndAfterTheRestore()
      throws Exception {
    String application = "parley-lambda-evict";
    try (TestSchema schema = TestSchema.create("t_lambda_evict")) {
      PostgresLambda.Migrate.migrate(schema.config(application));
      LambdaPostgresComponent component = component(schema, application);
      try (HikariDataSource pool = component.dataSource()) {
        assertThat(health(component)).isInstanceOf(StoreHealth.Available.class);
        assertThat(serverSessions(schema, application)).isEqualTo(1);
        Resource eviction = component.snapshotResources().getFirst();
        assertThat(component.snapshotResources())
            .singleElement()
            .isInstanceOf(PostgresPoolEviction.class);

        eviction.beforeCheckpoint(null);
        awaitNoConnections(pool, schema, application);

        // Something used the pool after the checkpoint (a warm-up still running, say).
        assertThat(health(component)).isInstanceOf(StoreHealth.Available.class);
        eviction.afterRestore(null);
        awaitNoConnections(pool, schema, application);

        // The first request after the restore opens a connection of its own.
        assertThat(health(component)).isInstanceOf(StoreHealth.Available.class);
        assertThat(serverSessions(schema, application)).isEqualTo(1);
      }
    }
  }

  private static void awaitNoConnections(HikariDataSource pool, TestSchema schema, String name) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                pool.getHikariPoolMXBean().getTotalConnections() == 0
                    && serverSessions(schema, name) == 0);
  }

  private static StoreHealth health(LambdaPostgresComponent component) {
    return component.checkStoreHealth().checkStoreHealth(new CheckStoreHealthQuery());
  }

  /** Sessions of the application on the server, as PostgreSQL sees them. */
  private static int serverSessions(TestSchema schema, String application) throws SQLException {
    try (Connection connection = DriverManager.getConnection(schema.url());
        var count =
            connection.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
      count.setString(1, application);
      try (var rows = count.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  private static LambdaPostgresComponent component(TestSchema schema, String application) {
    return LambdaPostgresComponent.create(
        new LambdaConfig(
            null,
            "http",
            "us-east-1",
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")),
            LambdaConfig.DEFAULT_MAX_CONCURRENT_POSTS,
            LambdaConfig.DEFAULT_MAX_ATTEMPTS,
            LambdaConfig.DEFAULT_BACKOFF_BASE),
        JwtSettings.hs256("parley-component-test-secret-0123456789abcdef", "parley", null),
        schema.config(application));
  }
}

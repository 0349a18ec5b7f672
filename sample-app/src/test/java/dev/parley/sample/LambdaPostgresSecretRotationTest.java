package dev.parley.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.adapter.lambda.HttpApiHandler;
import dev.parley.adapter.lambda.LambdaConfig;
import dev.parley.adapter.postgres.PostgresConfig;
import dev.parley.deploy.lambda.LambdaPostgresComponent;
import dev.parley.deploy.lambda.LoopbackSecretsManager;
import dev.parley.deploy.lambda.PostgresLambda;
import dev.parley.deploy.lambda.SecretsManagerCredentials;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A Secrets Manager rotation under a running Lambda PostgreSQL store: the role's password changes
 * ({@code ALTER ROLE}), the secret gets the new one, and the next connection the pool opens is
 * refused once (SQLState 28P01), reads the secret again and logs in. On a PostgreSQL server of the
 * test's own, because the shared one trusts every loopback login and so never refuses a password;
 * Secrets Manager is {@link LoopbackSecretsManager}, the real SDK client against a loopback server
 * in its protocol (AWS cannot be reached from here).
 */
class LambdaPostgresSecretRotationTest {
  private static final String ROLE = "parley_rotating";
  private static final String DATABASE = "parley_rotation";
  private static final String ARN =
      "arn:aws:secretsmanager:us-east-1:123456789012:secret:parley/rotating-AbCdEf";

  private PrivatePostgres postgres;
  private LoopbackSecretsManager secrets;
  private SecretsManagerClient client;

  @BeforeEach
  void start() throws Exception {
    postgres = PrivatePostgres.start();
    secrets = LoopbackSecretsManager.start();
    client = secrets.client();
    admin("CREATE ROLE " + ROLE + " LOGIN PASSWORD 'first-password'");
    admin("CREATE DATABASE " + DATABASE + " OWNER " + ROLE);
    postgres.requirePasswordFor(ROLE);
    // pg_ctl reload only signals the server: wait until a wrong password is really refused.
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(this::refusesAWrongPassword);
    secrets.put(ARN, LoopbackSecretsManager.rdsSecret(ROLE, "first-password"));
  }

  @AfterEach
  void stop() throws Exception {
    try {
      admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      admin("DROP ROLE IF EXISTS " + ROLE);
    } finally {
      client.close();
      secrets.close();
      postgres.close();
    }
  }

  @Test
  void aRotatedPasswordIsReadFromTheSecretWhenPostgresRefusesTheOldOne() throws Exception {
    LambdaPostgresComponent runtime = runtime();
    HttpApiHandler handler = new HttpApiHandler(runtime);
    String alice = TestTokens.valid(ChatEndToEndScenarios.SECRET, "alice");
    assertThat(createRoom(handler, alice).getStatusCode()).isEqualTo(201);
    assertThat(secrets.reads()).isEqualTo(1);

    admin("ALTER ROLE " + ROLE + " PASSWORD 'rotated-password'");
    secrets.put(ARN, LoopbackSecretsManager.rdsSecret(ROLE, "rotated-password"));
    HikariDataSource pool = runtime.dataSource();
    // The open connections outlive the change; the pool's next connection is a new login.
    pool.getHikariPoolMXBean().softEvictConnections();

    APIGatewayV2HTTPResponse after = createRoom(handler, alice);

    assertThat(after.getStatusCode()).as(after.getBody()).isEqualTo(201);
    assertThat(after.getBody()).contains("\"name\":\"rotation\"");
    assertThat(secrets.reads()).as("read at start, and once after the refusal").isEqualTo(2);
    pool.close();
  }

  /** The test can fail: a password changed without the secret is refused, and so is the call. */
  @Test
  void aPasswordChangedBehindTheSecretsBackFailsTheCallAsUnavailable() throws Exception {
    LambdaPostgresComponent runtime = runtime();
    HttpApiHandler handler = new HttpApiHandler(runtime);
    String alice = TestTokens.valid(ChatEndToEndScenarios.SECRET, "alice");
    assertThat(createRoom(handler, alice).getStatusCode()).isEqualTo(201);

    admin("ALTER ROLE " + ROLE + " PASSWORD 'nobody-knows-this'");
    HikariDataSource pool = runtime.dataSource();
    pool.getHikariPoolMXBean().softEvictConnections();

    APIGatewayV2HTTPResponse after = createRoom(handler, alice);

    assertThat(after.getStatusCode()).as(after.getBody()).isEqualTo(503);
    assertThat(secrets.reads()).as("read again: still the old password").isGreaterThan(1);
    pool.close();
  }

  private LambdaPostgresComponent runtime() {
    PostgresConfig config =
        PostgresConfig.of(databaseUrl(), null, null)
            .withApplicationName("parley-rotation")
            .withCredentials(SecretsManagerCredentials.read(client, ARN, null, Clock.systemUTC()));
    // The deployment step, with the same credentials: the role owns the database.
    PostgresLambda.Migrate.migrate(config);
    return LambdaPostgresComponent.create(
        new LambdaConfig(
            null,
            "http",
            "us-east-1",
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")),
            LambdaConfig.DEFAULT_MAX_CONCURRENT_POSTS,
            LambdaConfig.DEFAULT_MAX_ATTEMPTS,
            LambdaConfig.DEFAULT_BACKOFF_BASE),
        SampleConfig.jwtSettings(Map.of("CHAT_JWT_SECRET", ChatEndToEndScenarios.SECRET)),
        config);
  }

  private static APIGatewayV2HTTPResponse createRoom(HttpApiHandler handler, String token) {
    return HttpApiCalls.call(
        handler, "POST", "/rooms", token, "{\"name\":\"rotation\",\"type\":\"public\"}");
  }

  /** The private server's database of the role, without a user: the secret names it. */
  private String databaseUrl() {
    return postgres.url().replace("/postgres?user=postgres", "/" + DATABASE);
  }

  private boolean refusesAWrongPassword() {
    try (Connection ignored = DriverManager.getConnection(databaseUrl(), ROLE, "wrong")) {
      return false;
    } catch (SQLException e) {
      return "28P01".equals(e.getSQLState());
    }
  }

  private void admin(String sql) throws SQLException {
    try (Connection connection = postgres.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}

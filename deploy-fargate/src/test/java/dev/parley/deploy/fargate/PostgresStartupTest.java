package dev.parley.deploy.fargate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.deploy.fargate.FargateMain.Outcome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A task that starts while PostgreSQL is briefly unreachable waits for it instead of exiting. The
 * outage is a {@link DelayedProxy} in front of the test database, which is never stopped. Needs
 * {@code CHAT_TEST_POSTGRES_URL} (e.g. {@code
 * jdbc:postgresql://127.0.0.1:5432/test?user=postgres}); skipped without it, except under {@code
 * CI=true}, where it fails. Works in a schema of its own, dropped afterwards.
 */
class PostgresStartupTest {
  private static final String URL_VARIABLE = "CHAT_TEST_POSTGRES_URL";
  private static final String SECRET = "postgres-startup-test-secret-0123456789ab";
  private static final Pattern HOST_AND_PORT =
      Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?(.*)");

  /** Longer than one attempt (a 2 s wait for a pooled connection), so only retrying gets past. */
  private static final Duration OUTAGE = Duration.ofSeconds(5);

  private static String url;
  private static String schema;

  @BeforeAll
  static void createSchema() throws SQLException {
    url = System.getenv(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      String howTo =
          "No PostgreSQL for PostgresStartupTest: set "
              + URL_VARIABLE
              + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres).";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(howTo + " Under CI=true this is a failure, not a skip.");
      }
      Assumptions.abort(howTo);
    }
    schema = "t_startup_" + UUID.randomUUID().toString().substring(0, 8);
    execute("CREATE SCHEMA " + schema);
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    if (schema != null) {
      execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  @Test
  void aDatabaseThatComesUpWhileTheTaskStartsIsWaitedFor() throws Exception {
    Matcher target = HOST_AND_PORT.matcher(url);
    assertThat(target.matches()).as("a jdbc:postgresql://host:port/... URL").isTrue();
    int port = target.group(2) == null ? 5432 : Integer.parseInt(target.group(2));
    try (DelayedProxy proxy = new DelayedProxy(target.group(1), port, OUTAGE)) {
      String throughProxy = "jdbc:postgresql://127.0.0.1:" + proxy.port() + target.group(3);
      long start = System.nanoTime();

      Outcome outcome = FargateMain.start(env(throughProxy, "30"));

      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(outcome).isInstanceOf(Outcome.Started.class);
      FargateDeployment deployment = ((Outcome.Started) outcome).deployment();
      try {
        assertThat(proxy.refused()).as("connections hung up on during the outage").isPositive();
        assertThat(took).isGreaterThanOrEqualTo(OUTAGE);
        URI ready = deployment.server().httpUri().resolve("/health/ready");
        try (HttpClient http = HttpClient.newHttpClient()) {
          HttpResponse<String> answer =
              http.send(
                  HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString());
          assertThat(answer.statusCode()).isEqualTo(200);
        }
      } finally {
        deployment.stop();
      }
    }
  }

  @Test
  void aRefusedLoginIsNotAnOutage() {
    SQLException badPassword = new SQLException("password authentication failed", "28P01");
    SQLException refused = new SQLException("Connection refused", "08001");

    assertThat(PostgresStartup.isOutage(new SQLTransientConnectionException("pool", badPassword)))
        .isFalse();
    assertThat(PostgresStartup.isOutage(new SQLTransientConnectionException("pool", refused)))
        .isTrue();
    assertThat(PostgresStartup.isOutage(new IllegalStateException("migration V3 failed")))
        .isFalse();
  }

  private static Map<String, String> env(String postgresUrl, String startTimeoutSeconds) {
    return Map.of(
        "CHAT_HOST",
        "127.0.0.1",
        "CHAT_PORT",
        "0",
        "CHAT_JWT_SECRET",
        SECRET,
        "CHAT_STORE",
        "postgres",
        "CHAT_POSTGRES_URL",
        postgresUrl,
        "CHAT_POSTGRES_SCHEMA",
        schema,
        "CHAT_POSTGRES_POOL_SIZE",
        "4",
        PostgresStartup.ENV_START_TIMEOUT,
        startTimeoutSeconds);
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}

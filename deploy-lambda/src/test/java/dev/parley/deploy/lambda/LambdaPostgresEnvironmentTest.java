package dev.parley.deploy.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.adapter.postgres.PostgresConfig;
import dev.parley.adapter.postgres.PostgresCredentials;
import dev.parley.adapter.postgres.PostgresCredentialsSource;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** A PostgreSQL function's settings from its environment variables. */
class LambdaPostgresEnvironmentTest {
  private static final String PROXY_URL =
      "jdbc:postgresql://parley.proxy-c0ffee.eu-west-1.rds.amazonaws.com:5432/parley"
          + "?sslmode=verify-full&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory";
  private static final String ARN =
      "arn:aws:secretsmanager:eu-west-1:123456789012:secret:parley/db-AbCdEf";
  private static final StaticCredentialsProvider ROLE =
      StaticCredentialsProvider.create(AwsSessionCredentials.create("ASIAKEY", "secret", "token"));

  @Test
  void aFunctionHasTwoConnectionsAndTheFixedPasswordByDefault() {
    PostgresConfig config =
        read(
            Map.of(
                "CHAT_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/parley",
                "CHAT_POSTGRES_USER", "parley",
                "CHAT_POSTGRES_PASSWORD", "local-password"));

    assertThat(config.maxPoolSize()).isEqualTo(2);
    assertThat(config.credentials())
        .isEqualTo(PostgresCredentialsSource.fixed("parley", "local-password"));
    assertThat(config.connectionTimeout().toSeconds()).isEqualTo(2);
    assertThat(config.statementTimeout().toSeconds()).isEqualTo(5);
  }

  @Test
  void thePoolSizeVariableStillDecides() {
    PostgresConfig config =
        read(Map.of("CHAT_POSTGRES_URL", PROXY_URL, "CHAT_POSTGRES_POOL_SIZE", "1"));

    assertThat(config.maxPoolSize()).isEqualTo(1);
  }

  @Test
  void requestFunctionsNeitherMigrateNorKeepIdleConnections() {
    PostgresConfig config =
        LambdaPostgresEnvironment.forRequests(
            read(Map.of("CHAT_POSTGRES_URL", PROXY_URL, "CHAT_POSTGRES_POOL_SIZE", "3")));

    assertThat(config.migrations()).isEqualTo(PostgresConfig.Migrations.SEPARATE_STEP);
    assertThat(config.minimumIdle()).isZero();
    assertThat(config.maxPoolSize()).isEqualTo(3);
  }

  @Test
  void theMigrationFunctionWaitsLongerForTheDatabaseAndItsStatements() {
    PostgresConfig config =
        LambdaPostgresEnvironment.forMigrations(read(Map.of("CHAT_POSTGRES_URL", PROXY_URL)));

    assertThat(config.connectionTimeout().toSeconds()).isEqualTo(30);
    assertThat(config.statementTimeout().toMinutes()).isEqualTo(10);
    assertThat(config.socketTimeout()).isGreaterThan(config.statementTimeout());
  }

  @Test
  void aSecretArnReadsTheSecretInTheFunctionsRegionAtOnce() throws Exception {
    try (LoopbackSecretsManager secrets = LoopbackSecretsManager.start()) {
      secrets.put(ARN, LoopbackSecretsManager.rdsSecret("parley_app", "from-the-secret"));
      AtomicReference<String> region = new AtomicReference<>();

      PostgresConfig config =
          LambdaPostgresEnvironment.read(
              Map.of(
                  "CHAT_POSTGRES_URL", PROXY_URL,
                  "CHAT_POSTGRES_SECRET_ARN", ARN,
                  "AWS_REGION", "eu-west-1"),
              ROLE,
              r -> {
                region.set(r);
                return secrets.client();
              },
              Clock.systemUTC());

      assertThat(region).hasValue("eu-west-1");
      assertThat(secrets.reads()).isEqualTo(1);
      assertThat(config.credentials()).isInstanceOf(SecretsManagerCredentials.class);
      assertThat(config.credentials().credentials())
          .isEqualTo(new PostgresCredentials("parley_app", "from-the-secret"));
      assertThat(config.toString()).doesNotContain("from-the-secret");
    }
  }

  @Test
  void iamAuthenticationSignsForTheUserAndTheUrlsHost() throws SQLException {
    PostgresConfig config =
        read(
            Map.of(
                "CHAT_POSTGRES_URL", PROXY_URL,
                "CHAT_POSTGRES_USER", "parley_app",
                "CHAT_POSTGRES_IAM_AUTH", "TRUE",
                "AWS_REGION", "eu-west-1"));

    PostgresCredentials credentials = config.credentials().credentials();
    assertThat(config.credentials()).isInstanceOf(RdsIamCredentials.class);
    assertThat(credentials.user()).isEqualTo("parley_app");
    assertThat(credentials.password())
        .startsWith("parley.proxy-c0ffee.eu-west-1.rds.amazonaws.com:5432/?")
        .contains("DBUser=parley_app", "%2Feu-west-1%2Frds-db%2F", "X-Amz-Security-Token=token");
  }

  @Test
  void contradictoryOrMissingSettingsAreClearErrors() {
    Map<String, String> iam =
        Map.of(
            "CHAT_POSTGRES_URL", PROXY_URL,
            "CHAT_POSTGRES_USER", "parley_app",
            "CHAT_POSTGRES_IAM_AUTH", "true",
            "AWS_REGION", "eu-west-1");

    assertThatThrownBy(() -> read(with(iam, "CHAT_POSTGRES_SECRET_ARN", ARN)))
        .hasMessageContaining("two sources of the password");
    assertThatThrownBy(() -> read(with(iam, "CHAT_POSTGRES_PASSWORD", "p")))
        .hasMessageContaining("CHAT_POSTGRES_PASSWORD is for local use");
    assertThatThrownBy(() -> read(with(iam, "CHAT_POSTGRES_USER", "")))
        .hasMessageContaining("needs CHAT_POSTGRES_USER");
    assertThatThrownBy(() -> read(with(iam, "AWS_REGION", "")))
        .hasMessageContaining("needs AWS_REGION");
    assertThatThrownBy(() -> read(with(iam, "CHAT_POSTGRES_IAM_AUTH", "yes")))
        .hasMessageContaining("CHAT_POSTGRES_IAM_AUTH must be true or false");
    assertThatThrownBy(() -> read(with(iam, "CHAT_POSTGRES_URL", PROXY_URL + "&user=other")))
        .hasMessageContaining("leave it out of the URL");
  }

  @Test
  void iamAuthFalseIsTheFixedPassword() {
    PostgresConfig config =
        read(Map.of("CHAT_POSTGRES_URL", PROXY_URL, "CHAT_POSTGRES_IAM_AUTH", "false"));

    assertThat(config.credentials()).isEqualTo(PostgresCredentialsSource.fixed(null, null));
  }

  private static PostgresConfig read(Map<String, String> env) {
    return LambdaPostgresEnvironment.read(
        env,
        ROLE,
        region -> {
          throw new AssertionError("no secret to read");
        },
        Clock.systemUTC());
  }

  private static Map<String, String> with(Map<String, String> env, String name, String value) {
    Map<String, String> changed = new HashMap<>(env);
    changed.put(name, value);
    return changed;
  }
}

package dev.parley.deploy.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.adapter.postgres.PostgresCredentials;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The database secret read with the real Secrets Manager client from {@link
 * LoopbackSecretsManager}: once at start, again only when PostgreSQL refused what it said.
 */
class SecretsManagerCredentialsTest {
  private static final String ARN =
      "arn:aws:secretsmanager:eu-west-1:123456789012:secret:parley/db-AbCdEf";

  private LoopbackSecretsManager secrets;
  private SecretsManagerClient client;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T23:30:00Z"));

  @BeforeEach
  void start() throws Exception {
    secrets = LoopbackSecretsManager.start();
    client = secrets.client();
  }

  @AfterEach
  void stop() {
    client.close();
    secrets.close();
  }

  @Test
  void theSecretIsReadOnceAtStartAndServesEveryConnection() throws SQLException {
    secrets.put(ARN, LoopbackSecretsManager.rdsSecret("parley_app", "first-password"));

    SecretsManagerCredentials credentials =
        SecretsManagerCredentials.read(client, ARN, "configured_user", clock);

    assertThat(credentials.credentials())
        .isEqualTo(new PostgresCredentials("parley_app", "first-password"));
    assertThat(credentials.credentials()).isEqualTo(credentials.credentials());
    assertThat(secrets.reads()).isEqualTo(1);
  }

  @Test
  void aRefusedPasswordReadsTheRotatedSecretOnce() throws SQLException {
    secrets.put(ARN, LoopbackSecretsManager.rdsSecret("parley_app", "first-password"));
    SecretsManagerCredentials credentials =
        SecretsManagerCredentials.read(client, ARN, null, clock);
    PostgresCredentials refused = credentials.credentials();
    secrets.put(ARN, LoopbackSecretsManager.rdsSecret("parley_app", "rotated-password"));
    clock.advance(Duration.ofMinutes(5));

    assertThat(credentials.refresh(refused)).isTrue();
    // A second connection refused with the old password finds the new one without a read.
    assertThat(credentials.refresh(refused)).isTrue();

    assertThat(credentials.credentials().password()).isEqualTo("rotated-password");
    assertThat(secrets.reads()).isEqualTo(2);
  }

  @Test
  void aPasswordThatIsSimplyWrongIsNotReadAgainAndAgain() throws SQLException {
    secrets.put(ARN, LoopbackSecretsManager.rdsSecret("parley_app", "wrong-password"));
    SecretsManagerCredentials credentials =
        SecretsManagerCredentials.read(client, ARN, null, clock);
    clock.advance(Duration.ofMinutes(5));
    PostgresCredentials refused = credentials.credentials();

    assertThat(credentials.refresh(refused)).isFalse(); // read again: the same password
    assertThat(credentials.refresh(refused)).isFalse(); // within a second: not read
    clock.advance(SecretsManagerCredentials.MIN_INTERVAL);
    assertThat(credentials.refresh(refused)).isFalse(); // a second later: read again

    assertThat(secrets.reads()).isEqualTo(3);
  }

  @Test
  void theConfiguredUserServesWhenTheSecretNamesNone() throws SQLException {
    secrets.put(ARN, "{\"password\":\"p\"}");

    assertThat(SecretsManagerCredentials.read(client, ARN, "configured_user", clock).credentials())
        .isEqualTo(new PostgresCredentials("configured_user", "p"));
  }

  @Test
  void aSecretThatCannotBeReadAtStartStopsTheFunctionWithTheReason() {
    assertThatThrownBy(() -> SecretsManagerCredentials.read(client, ARN, null, clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(ARN)
        .hasMessageContaining("no secret");
  }

  @Test
  void aSecretWithoutAPasswordIsRefusedWithoutShowingIt() {
    secrets.put(ARN, "{\"username\":\"parley_app\",\"pass\":\"hunter2\"}");

    assertThatThrownBy(() -> SecretsManagerCredentials.read(client, ARN, null, clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("\"password\"")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void secretsManagerDownWhileRefreshingIsAConnectionFailure() throws SQLException {
    secrets.put(ARN, LoopbackSecretsManager.rdsSecret("parley_app", "first-password"));
    SecretsManagerCredentials credentials =
        SecretsManagerCredentials.read(client, ARN, null, clock);
    secrets.failEveryCall(true);
    clock.advance(Duration.ofMinutes(5));

    assertThatThrownBy(() -> credentials.refresh(credentials.credentials()))
        .isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("08001");
    // What it had stays in use.
    assertThat(credentials.credentials().password()).isEqualTo("first-password");
  }
}

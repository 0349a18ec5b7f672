package dev.parley.deploy.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.adapter.postgres.PostgresCredentials;
import dev.parley.adapter.postgres.PostgresCredentialsSource;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The PostgreSQL credentials in a Secrets Manager secret of the shape RDS writes ({@code
 * {"username": ..., "password": ..., "host": ...}}): read once when the function starts, then again
 * when PostgreSQL refuses the password (SQLState {@code 28P01}), because a rotation changed it. The
 * secret's {@code username} is used when it has one (rotation with alternating users switches it),
 * else the configured user. Reading it again is rate-limited to once a second, so that a password
 * that is simply wrong does not turn every connection attempt into a Secrets Manager call.
 */
public final class SecretsManagerCredentials implements PostgresCredentialsSource {
  static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SecretsManagerClient client;
  private final String secretId;
  private final String fallbackUser;
  private final Clock clock;
  private volatile PostgresCredentials current;
  private Instant readAt;

  private SecretsManagerCredentials(
      SecretsManagerClient client, String secretId, String fallbackUser, Clock clock) {
    this.client = client;
    this.secretId = secretId;
    this.fallbackUser = fallbackUser;
    this.clock = clock;
  }

  /**
   * Reads the secret now.
   *
   * @param fallbackUser the user when the secret names none; may be null
   * @throws IllegalStateException when the secret cannot be read or has no password: the function
   *     cannot start without it
   */
  public static SecretsManagerCredentials read(
      SecretsManagerClient client, String secretId, String fallbackUser, Clock clock) {
    SecretsManagerCredentials credentials =
        new SecretsManagerCredentials(client, secretId, fallbackUser, clock);
    try {
      credentials.readNow();
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    return credentials;
  }

  @Override
  public PostgresCredentials credentials() {
    return current;
  }

  @Override
  public synchronized boolean refresh(PostgresCredentials refused) throws SQLException {
    if (!current.equals(refused)) {
      return true; // another connection attempt read the new secret already
    }
    if (Duration.between(readAt, clock.instant()).compareTo(MIN_INTERVAL) < 0) {
      return false;
    }
    readNow();
    return !current.equals(refused);
  }

  private synchronized void readNow() throws SQLException {
    String secret;
    try {
      secret = client.getSecretValue(r -> r.secretId(secretId)).secretString();
    } catch (SdkException e) {
      // A connection SQLState: the pool reports the attempt as the store being unavailable.
      throw new SQLException(
          "could not read the PostgreSQL secret " + secretId + ": " + e.getMessage(), "08001", e);
    } finally {
      readAt = clock.instant();
    }
    current = parse(secret);
  }

  private PostgresCredentials parse(String secret) throws SQLException {
    JsonNode fields;
    try {
      fields = secret == null ? null : JSON.readTree(secret);
    } catch (IOException e) {
      fields = null;
    }
    if (fields == null || !fields.path("password").isTextual()) {
      // Never the secret's text in the message: it is a password.
      throw new SQLException(
          "the secret "
              + secretId
              + " is not a JSON object with a \"password\" (the RDS shape: username, password)",
          "28000");
    }
    JsonNode username = fields.path("username");
    return new PostgresCredentials(
        username.isTextual() ? username.asText() : fallbackUser, fields.get("password").asText());
  }
}

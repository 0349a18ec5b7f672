package dev.parley.deploy.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.adapter.postgres.PostgresCredentials;
import java.lang.reflect.Constructor;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsUtilities;

/**
 * RDS IAM tokens signed with the SDK's SigV4 signer, checked against the SDK's own {@code
 * RdsUtilities} (the rds module, a test dependency only) for the same credentials and clock: the
 * same request with the same signature.
 */
class RdsIamCredentialsTest {
  private static final Instant NOW = Instant.parse("2026-12-07T23:30:00Z");
  private static final String PROXY = "parley.proxy-c0ffee.eu-west-1.rds.amazonaws.com";

  @ParameterizedTest
  @CsvSource({
    // Lambda's role credentials carry a session token; long-term keys do not.
    "parley.proxy-c0ffee.eu-west-1.rds.amazonaws.com, 5432, parley_app, eu-west-1, session",
    "parley.cluster-c0ffee.us-east-1.rds.amazonaws.com, 5432, parley_app, us-east-1, basic",
    "db.internal.example, 6432, app+user@team, ap-southeast-2, session"
  })
  void theTokenIsTheOneRdsUtilitiesSigns(
      String host, int port, String user, String region, String kind) throws Exception {
    AwsCredentials keys =
        kind.equals("session")
            ? AwsSessionCredentials.create(
                "ASIAEXAMPLEKEY", "example/secret+key", "FwoGZXIvYXdzE/+=")
            : AwsBasicCredentials.create("AKIAEXAMPLEKEY", "example/secret+key");
    AwsCredentialsProvider role = StaticCredentialsProvider.create(keys);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    String ours = new RdsIamCredentials(host, port, user, region, role, clock).token();
    String sdks =
        rdsUtilities(Region.of(region), role, clock)
            .generateAuthenticationToken(r -> r.hostname(host).port(port).username(user));

    // The same signed request: the same endpoint and parameters, so the same signature. Only the
    // order in which the two signers append their parameters differs (X-Amz-Expires and
    // X-Amz-Credential); the signature covers the canonical query, sorted by name, which is also
    // how RDS checks a token, so the order is of no consequence.
    assertThat(endpoint(ours)).isEqualTo(endpoint(sdks));
    assertThat(parameters(ours)).isEqualTo(parameters(sdks));
    assertThat(parameters(ours).get("X-Amz-Signature")).matches("[0-9a-f]{64}");
    assertThat(ours)
        .startsWith(host + ":" + port + "/?")
        .contains("Action=connect", "X-Amz-Expires=900", "X-Amz-Date=20261207T233000Z")
        .contains("%2F" + region + "%2Frds-db%2Faws4_request");
  }

  @Test
  void aTokenIsReusedForTenMinutesThenSignedAnew() throws SQLException {
    MutableClock clock = new MutableClock(NOW);
    RdsIamCredentials iam = credentials(clock);

    PostgresCredentials first = iam.credentials();
    clock.advance(RdsIamCredentials.REUSE.minusSeconds(1));
    PostgresCredentials stillFirst = iam.credentials();
    clock.advance(Duration.ofSeconds(1));
    PostgresCredentials second = iam.credentials();

    assertThat(first.user()).isEqualTo("parley_app");
    assertThat(stillFirst).isEqualTo(first);
    assertThat(second.password())
        .isNotEqualTo(first.password())
        .contains("X-Amz-Date=20261207T234000Z");
  }

  @Test
  void aRefusedTokenIsNotUsedAgain() throws SQLException {
    MutableClock clock = new MutableClock(NOW);
    RdsIamCredentials iam = credentials(clock);
    PostgresCredentials refused = iam.credentials();
    clock.advance(Duration.ofSeconds(1));

    assertThat(iam.refresh(refused)).isTrue();
    assertThat(iam.credentials().password()).isNotEqualTo(refused.password());
  }

  @Test
  void noCredentialsToSignWithIsAConnectionFailure() {
    RdsIamCredentials iam =
        new RdsIamCredentials(
            PROXY,
            5432,
            "parley_app",
            "eu-west-1",
            () -> {
              throw SdkClientException.create("no role credentials");
            },
            Clock.systemUTC());

    assertThatThrownBy(iam::credentials)
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("no role credentials")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("08001");
  }

  private static String endpoint(String token) {
    return token.substring(0, token.indexOf('?'));
  }

  /** The query parameters of a token, as they are written (still URL-encoded). */
  private static Map<String, String> parameters(String token) {
    Map<String, String> parameters = new TreeMap<>();
    for (String parameter : token.substring(token.indexOf('?') + 1).split("&")) {
      int equals = parameter.indexOf('=');
      assertThat(parameters.put(parameter.substring(0, equals), parameter.substring(equals + 1)))
          .as("%s appears once", parameter)
          .isNull();
    }
    return parameters;
  }

  private static RdsIamCredentials credentials(Clock clock) {
    return new RdsIamCredentials(
        PROXY,
        5432,
        "parley_app",
        "eu-west-1",
        StaticCredentialsProvider.create(
            AwsSessionCredentials.create("ASIAEXAMPLEKEY", "secret", "token")),
        clock);
  }

  /**
   * RdsUtilities on a fixed clock. Its public builder always uses the system clock; the SDK's own
   * tests use the package-private constructor that takes one, reached here by reflection.
   */
  private static RdsUtilities rdsUtilities(
      Region region, AwsCredentialsProvider credentials, Clock clock) throws Exception {
    RdsUtilities.Builder builder =
        RdsUtilities.builder().region(region).credentialsProvider(credentials);
    Class<?> utilities = Class.forName("software.amazon.awssdk.services.rds.DefaultRdsUtilities");
    Constructor<?> withClock = utilities.getDeclaredConstructor(builder.getClass(), Clock.class);
    withClock.setAccessible(true);
    return (RdsUtilities) withClock.newInstance(builder, clock);
  }
}

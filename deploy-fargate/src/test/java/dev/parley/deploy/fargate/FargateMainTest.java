package dev.parley.deploy.fargate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.deploy.fargate.FargateMain.Outcome;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.auth.DevTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The container's entry point, as ECS starts it: configuration from the environment only. */
class FargateMainTest {
  private static final String SECRET = "fargate-main-test-secret-0123456789abcdef";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void withoutJwtSettingsItRefusesToStartRatherThanFallingBackToADevelopmentSecret() {
    assertThat(FargateMain.start(Map.of("CHAT_PORT", "0")))
        .isEqualTo(new Outcome.Failed(FargateMain.BAD_CONFIGURATION));
  }

  @Test
  void anUnknownStoreIsABadConfiguration() {
    assertThat(
            FargateMain.start(
                Map.of(
                    "CHAT_PORT", "0", "CHAT_JWT_SECRET", SECRET, "CHAT_STORE", "dynamodb-local")))
        .isEqualTo(new Outcome.Failed(FargateMain.BAD_CONFIGURATION));
  }

  @Test
  void theDynamoDbStoreNeedsItsTable() {
    assertThat(
            FargateMain.start(
                Map.of("CHAT_PORT", "0", "CHAT_JWT_SECRET", SECRET, "CHAT_STORE", "dynamodb")))
        .isEqualTo(new Outcome.Failed(FargateMain.BAD_CONFIGURATION));
  }

  @Test
  void aDatabaseStillUnreachableAfterTheStartTimeoutFailsTheStartWithStatusOne() {
    Map<String, String> env =
        Map.of(
            "CHAT_PORT",
            "0",
            "CHAT_JWT_SECRET",
            SECRET,
            "CHAT_STORE",
            "postgres",
            // A loopback port nobody listens on: refused at once.
            "CHAT_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2",
            PostgresStartup.ENV_START_TIMEOUT,
            "3");
    long start = System.nanoTime();

    assertThat(FargateMain.start(env)).isEqualTo(new Outcome.Failed(FargateMain.FAILED));

    // Retried for the timeout, then at most one more attempt (a 2 s wait for a connection).
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(9));
  }

  @Test
  void aStartTimeoutThatIsNotANumberIsABadConfiguration() {
    Map<String, String> env =
        Map.of(
            "CHAT_PORT",
            "0",
            "CHAT_JWT_SECRET",
            SECRET,
            "CHAT_STORE",
            "postgres",
            "CHAT_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:1/none",
            PostgresStartup.ENV_START_TIMEOUT,
            "soon");
    assertThat(FargateMain.start(env)).isEqualTo(new Outcome.Failed(FargateMain.BAD_CONFIGURATION));
  }

  @Test
  void onTheInMemoryStoreItServesTheApiWithTheConfiguredSecret() throws Exception {
    Outcome outcome =
        FargateMain.start(
            Map.of("CHAT_HOST", "127.0.0.1", "CHAT_PORT", "0", "CHAT_JWT_SECRET", SECRET));
    assertThat(outcome).isInstanceOf(Outcome.Started.class);
    FargateDeployment deployment = ((Outcome.Started) outcome).deployment();
    try {
      URI base = deployment.server().httpUri();
      assertThat(get(base.resolve("/health/ready"), null).statusCode()).isEqualTo(200);

      HttpResponse<String> anonymous = get(base.resolve("/rooms"), null);
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/problem+json");

      String token = DevTokens.issue(SECRET, UserId.of("alice"), Duration.ofMinutes(5), null, null);
      HttpResponse<String> rooms = get(base.resolve("/rooms"), token);
      assertThat(rooms.statusCode()).isEqualTo(200);
      assertThat(rooms.body()).startsWith("{\"items\":[");
    } finally {
      deployment.stop();
    }
  }

  private static HttpResponse<String> get(URI uri, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

package dev.parley.adapter.lambda;

import dev.parley.domain.user.UserId;
import dev.parley.protocol.auth.DevTokens;
import dev.parley.protocol.auth.JwtSettings;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** An in-memory Lambda runtime whose Management API is a {@link FakeConnectionsServer}. */
final class TestRuntime implements AutoCloseable {
  static final String SECRET = "parley-lambda-tests-secret-0123456789abcdef";
  static final String ISSUER = "parley-tests";

  final FakeConnectionsServer connections;
  final TestLambdaComponent runtime;

  private TestRuntime(boolean configuredEndpoint, LambdaConfig.FanOut fanOut) throws IOException {
    connections = new FakeConnectionsServer();
    runtime =
        TestLambdaComponent.create(
            new LambdaConfig(
                configuredEndpoint ? endpoint() : null,
                "http",
                "us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")),
                LambdaConfig.DEFAULT_MAX_CONCURRENT_POSTS,
                3,
                Duration.ofMillis(1),
                fanOut),
            JwtSettings.hs256(SECRET, ISSUER, null));
  }

  /** The endpoint is learnt from WebSocket events, as on a function without configuration. */
  static TestRuntime learningEndpoint() throws IOException {
    return new TestRuntime(false, LambdaConfig.FanOut.OFF);
  }

  /** The endpoint is configured ({@link LambdaConfig#ENV_WEBSOCKET_ENDPOINT}). */
  static TestRuntime withEndpoint() throws IOException {
    return new TestRuntime(true, LambdaConfig.FanOut.OFF);
  }

  /** The endpoint is configured, and big audiences go to a fan-out function. */
  static TestRuntime withFanOut(LambdaConfig.FanOut fanOut) throws IOException {
    return new TestRuntime(true, fanOut);
  }

  /** The Management API endpoint of {@link #connections}. */
  URI endpoint() {
    return URI.create("http://" + connections.domainName() + "/" + FakeConnectionsServer.STAGE);
  }

  static String token(String user) {
    return DevTokens.issue(SECRET, UserId.of(user), Duration.ofMinutes(5), ISSUER, null);
  }

  @Override
  public void close() {
    connections.close();
  }
}

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

  private TestRuntime(boolean configuredEndpoint) throws IOException {
    connections = new FakeConnectionsServer();
    URI endpoint =
        configuredEndpoint
            ? URI.create("http://" + connections.domainName() + "/" + FakeConnectionsServer.STAGE)
            : null;
    runtime =
        TestLambdaComponent.create(
            new LambdaConfig(
                endpoint,
                "http",
                "us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")),
                LambdaConfig.DEFAULT_MAX_CONCURRENT_POSTS,
                3,
                Duration.ofMillis(1)),
            JwtSettings.hs256(SECRET, ISSUER, null));
  }

  /** The endpoint is learnt from WebSocket events, as on a function without configuration. */
  static TestRuntime learningEndpoint() throws IOException {
    return new TestRuntime(false);
  }

  /** The endpoint is configured ({@link LambdaConfig#ENV_WEBSOCKET_ENDPOINT}). */
  static TestRuntime withEndpoint() throws IOException {
    return new TestRuntime(true);
  }

  static String token(String user) {
    return DevTokens.issue(SECRET, UserId.of(user), Duration.ofMinutes(5), ISSUER, null);
  }

  @Override
  public void close() {
    connections.close();
  }
}

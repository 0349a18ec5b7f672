package dev.parley.adapter.lambda;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * How the Lambda runtime reaches the API Gateway Management API.
 *
 * @param webSocketEndpoint the {@code @connections} endpoint ({@code https://{api-id}.execute-api.
 *     {region}.amazonaws.com/{stage}} or a custom domain) used for events raised outside a
 *     WebSocket invocation (a REST post fanning out to subscribers); null to use the endpoint of
 *     the latest WebSocket event this environment handled
 * @param endpointScheme the scheme of endpoints derived from WebSocket events ({@code https} in
 *     production; {@code http} for loopback tests)
 * @param region the signing region of the Management API
 * @param credentials the credentials to sign with
 * @param maxConcurrentPosts how many PostToConnection calls of one fan-out run at once
 * @param maxAttempts attempts per post when API Gateway throttles ({@code LimitExceededException})
 * @param backoffBase the first retry delay; doubled on each further retry
 */
public record LambdaConfig(
    URI webSocketEndpoint,
    String endpointScheme,
    String region,
    AwsCredentialsProvider credentials,
    int maxConcurrentPosts,
    int maxAttempts,
    Duration backoffBase) {

  /** Environment variable: the {@code @connections} endpoint for events raised by REST calls. */
  public static final String ENV_WEBSOCKET_ENDPOINT = "PARLEY_WEBSOCKET_ENDPOINT";

  /** Set by Lambda itself. */
  public static final String ENV_REGION = "AWS_REGION";

  public static final int DEFAULT_MAX_CONCURRENT_POSTS = 32;
  public static final int DEFAULT_MAX_ATTEMPTS = 4;
  public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofMillis(50);

  public LambdaConfig {
    Objects.requireNonNull(endpointScheme, "endpointScheme");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(backoffBase, "backoffBase");
    if (maxConcurrentPosts < 1 || maxAttempts < 1 || backoffBase.isNegative()) {
      throw new IllegalArgumentException(
          "maxConcurrentPosts and maxAttempts must be positive, backoffBase not negative");
    }
  }

  /** The configuration of a deployed function, from its environment variables. */
  public static LambdaConfig fromEnvironment(Map<String, String> env) {
    String endpoint = env.get(ENV_WEBSOCKET_ENDPOINT);
    String region = env.getOrDefault(ENV_REGION, "us-east-1");
    return new LambdaConfig(
        endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint.strip()),
        "https",
        region,
        DefaultCredentialsProvider.builder().build(),
        DEFAULT_MAX_CONCURRENT_POSTS,
        DEFAULT_MAX_ATTEMPTS,
        DEFAULT_BACKOFF_BASE);
  }

  /** The endpoint of a WebSocket API stage as named in its events. */
  public URI endpointOf(String domainName, String stage) {
    return URI.create(endpointScheme + "://" + domainName + "/" + stage);
  }
}

package dev.parley.adapter.lambda;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * How the Lambda runtime reaches the API Gateway Management API, and the fan-out function.
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
 * @param fanOut when events go to the fan-out function instead of being posted in the request
 */
public record LambdaConfig(
    URI webSocketEndpoint,
    String endpointScheme,
    String region,
    AwsCredentialsProvider credentials,
    int maxConcurrentPosts,
    int maxAttempts,
    Duration backoffBase,
    FanOut fanOut) {

  /** Environment variable: the {@code @connections} endpoint for events raised by REST calls. */
  public static final String ENV_WEBSOCKET_ENDPOINT = "PARLEY_WEBSOCKET_ENDPOINT";

  /** Set by Lambda itself. */
  public static final String ENV_REGION = "AWS_REGION";

  /** Environment variable: name or ARN of the fan-out function; unset delivers in the request. */
  public static final String ENV_FANOUT_FUNCTION = "CHAT_FANOUT_FUNCTION";

  /** Environment variable: recipients above which an event goes to the fan-out function. */
  public static final String ENV_FANOUT_THRESHOLD = "CHAT_FANOUT_THRESHOLD";

  /**
   * Environment variable, local use only: the Lambda API endpoint the fan-out function is invoked
   * at (the local emulator's); unset, the SDK's regional endpoint.
   */
  public static final String ENV_LAMBDA_ENDPOINT = "CHAT_LAMBDA_ENDPOINT";

  public static final int DEFAULT_MAX_CONCURRENT_POSTS = 32;
  public static final int DEFAULT_MAX_ATTEMPTS = 4;
  public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofMillis(50);

  public LambdaConfig {
    Objects.requireNonNull(endpointScheme, "endpointScheme");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(backoffBase, "backoffBase");
    Objects.requireNonNull(fanOut, "fanOut");
    if (maxConcurrentPosts < 1 || maxAttempts < 1 || backoffBase.isNegative()) {
      throw new IllegalArgumentException(
          "maxConcurrentPosts and maxAttempts must be positive, backoffBase not negative");
    }
  }

  /** A configuration that delivers every event inside the request ({@link FanOut#OFF}). */
  public LambdaConfig(
      URI webSocketEndpoint,
      String endpointScheme,
      String region,
      AwsCredentialsProvider credentials,
      int maxConcurrentPosts,
      int maxAttempts,
      Duration backoffBase) {
    this(
        webSocketEndpoint,
        endpointScheme,
        region,
        credentials,
        maxConcurrentPosts,
        maxAttempts,
        backoffBase,
        FanOut.OFF);
  }

  /**
   * The configuration of a deployed function, from its environment variables.
   *
   * @throws IllegalArgumentException when {@value #ENV_FANOUT_THRESHOLD} is not a whole number of
   *     at least 0
   */
  public static LambdaConfig fromEnvironment(Map<String, String> env) {
    String endpoint = env.get(ENV_WEBSOCKET_ENDPOINT);
    String region = env.getOrDefault(ENV_REGION, "us-east-1");
    return new LambdaConfig(
        blank(endpoint) ? null : URI.create(endpoint.strip()),
        "https",
        region,
        DefaultCredentialsProvider.builder().build(),
        DEFAULT_MAX_CONCURRENT_POSTS,
        DEFAULT_MAX_ATTEMPTS,
        DEFAULT_BACKOFF_BASE,
        FanOut.fromEnvironment(env));
  }

  /** This configuration with another fan-out. */
  public LambdaConfig withFanOut(FanOut fanOut) {
    return new LambdaConfig(
        webSocketEndpoint,
        endpointScheme,
        region,
        credentials,
        maxConcurrentPosts,
        maxAttempts,
        backoffBase,
        fanOut);
  }

  /** The endpoint of a WebSocket API stage as named in its events. */
  public URI endpointOf(String domainName, String stage) {
    return URI.create(endpointScheme + "://" + domainName + "/" + stage);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /**
   * Delivery off the request path: an event with more recipients than {@code threshold} is handed
   * to the fan-out function by asynchronous Lambda invocations, which post it to the connections
   * while the request that raised it has long returned.
   *
   * @param function name or ARN of the fan-out function; null to always deliver in the request
   * @param threshold the number of recipients above which an event goes to {@code function}; at or
   *     below it, the request posts to them itself
   * @param lambdaEndpoint the Lambda API endpoint to invoke it at; null for the SDK's regional one
   */
  public record FanOut(String function, int threshold, URI lambdaEndpoint) {
    /**
     * Where off-path delivery starts to pay on the request path: measured through the local
     * emulator (docs/benchmarks.md, "Lambda fan-out off the request path").
     */
    public static final int DEFAULT_THRESHOLD = 50;

    /** Every event is delivered in the request. */
    public static final FanOut OFF = new FanOut(null, DEFAULT_THRESHOLD, null);

    public FanOut {
      if (function != null && function.isBlank()) {
        throw new IllegalArgumentException("the fan-out function must not be blank");
      }
      if (threshold < 0) {
        throw new IllegalArgumentException("the fan-out threshold must be at least 0");
      }
    }

    /**
     * From {@value #ENV_FANOUT_FUNCTION}, {@value #ENV_FANOUT_THRESHOLD} (default {@value
     * #DEFAULT_THRESHOLD}) and {@value #ENV_LAMBDA_ENDPOINT}.
     *
     * @throws IllegalArgumentException naming the variable whose value is wrong
     */
    public static FanOut fromEnvironment(Map<String, String> env) {
      String function = env.get(ENV_FANOUT_FUNCTION);
      String endpoint = env.get(ENV_LAMBDA_ENDPOINT);
      return new FanOut(
          blank(function) ? null : function.strip(),
          threshold(env),
          blank(endpoint) ? null : URI.create(endpoint.strip()));
    }

    /**
     * {@value #ENV_FANOUT_THRESHOLD}, else {@value #DEFAULT_THRESHOLD}.
     *
     * @throws IllegalArgumentException when it is not a whole number of at least 0
     */
    public static int threshold(Map<String, String> env) {
      String value = env.get(ENV_FANOUT_THRESHOLD);
      if (blank(value)) {
        return DEFAULT_THRESHOLD;
      }
      try {
        int threshold = Integer.parseInt(value.strip());
        if (threshold >= 0) {
          return threshold;
        }
      } catch (NumberFormatException e) {
        // Reported below, with the variable's name.
      }
      throw new IllegalArgumentException(
          ENV_FANOUT_THRESHOLD + " must be a whole number of at least 0, was '" + value + "'");
    }

    /** Whether an event for this many recipients goes to the fan-out function. */
    public boolean offPath(int recipients) {
      return function != null && recipients > threshold;
    }
  }
}

package dev.parley.adapter.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the {@link DynamoDbClient}. The HTTP client is pluggable; the default is the JDK-based
 * {@link UrlConnectionHttpClient}, which starts much faster than Apache or Netty and so suits a
 * Lambda cold start. Retries are set explicitly rather than left to SDK defaults: standard mode
 * (exponential backoff with jitter, throttling aware), a small number of attempts and short
 * timeouts, so a slow store fails fast as {@code StoreUnavailableException}.
 *
 * <p>A plain {@code http} endpoint (DynamoDB Local) gets an HTTP client without TLS: the default
 * one builds an {@code SSLContext} (the JDK's security providers and trust store) when it is built,
 * whether or not any call uses TLS, and that was a fifth of the first DynamoDB call of a Lambda
 * cold start (docs/benchmarks.md).
 */
public final class DynamoDbClients {
  private DynamoDbClients() {}

  /** The SDK's default timeouts, which the plain HTTP client sets on each connection itself. */
  private static final Duration CONNECT_TIMEOUT =
      SdkHttpConfigurationOption.GLOBAL_HTTP_DEFAULTS.get(
          SdkHttpConfigurationOption.CONNECTION_TIMEOUT);

  private static final Duration READ_TIMEOUT =
      SdkHttpConfigurationOption.GLOBAL_HTTP_DEFAULTS.get(SdkHttpConfigurationOption.READ_TIMEOUT);

  /** A client with the default, light HTTP client ({@link #httpClient}). */
  public static DynamoDbClient create(DynamoDbConfig config) {
    return create(config, httpClient(config.endpoint()));
  }

  /**
   * The light JDK-based HTTP client for the endpoint: without TLS for an {@code http} endpoint,
   * otherwise with the JDK's default TLS settings. {@code endpoint} is null for the region's
   * endpoint (HTTPS).
   */
  public static SdkHttpClient httpClient(URI endpoint) {
    if (endpoint != null && "http".equalsIgnoreCase(endpoint.getScheme())) {
      return UrlConnectionHttpClient.create(DynamoDbClients::plainConnection);
    }
    return UrlConnectionHttpClient.builder().build();
  }

  static HttpURLConnection plainConnection(URI uri) {
    try {
      HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
      connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
      connection.setReadTimeout((int) READ_TIMEOUT.toMillis());
      return connection;
    } catch (IOException e) {
      throw new UncheckedIOException("could not open a connection to " + uri, e);
    }
  }

  /** A client over the given HTTP client; closing the DynamoDB client closes it too. */
  public static DynamoDbClient create(DynamoDbConfig config, SdkHttpClient httpClient) {
    return create(config, httpClient, List.of());
  }

  /**
   * A client over the given HTTP client with extra interceptors (metrics, capacity metering in
   * tests); closing the DynamoDB client closes the HTTP client too.
   */
  public static DynamoDbClient create(
      DynamoDbConfig config, SdkHttpClient httpClient, List<ExecutionInterceptor> interceptors) {
    DynamoDbClientBuilder builder =
        DynamoDbClient.builder()
            .region(Region.of(config.region()))
            .httpClient(httpClient)
            .overrideConfiguration(
                o ->
                    o.retryStrategy(standardRetries(config.maxAttempts()))
                        .executionInterceptors(interceptors)
                        .apiCallAttemptTimeout(config.attemptTimeout())
                        .apiCallTimeout(config.callTimeout()));
    if (config.endpoint() != null) {
      builder.endpointOverride(config.endpoint());
      // DynamoDB Local accepts any credentials; real endpoints use the default chain.
      if (isLoopback(config.endpoint().getHost())) {
        builder.credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        return builder.build();
      }
    }
    return builder.credentialsProvider(DefaultCredentialsProvider.builder().build()).build();
  }

  /** {@link RetryMode#STANDARD}'s strategy, with our attempt count instead of the default 3. */
  static RetryStrategy standardRetries(int maxAttempts) {
    return AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(maxAttempts).build();
  }

  private static boolean isLoopback(String host) {
    return "localhost".equals(host) || host.startsWith("127.") || "[::1]".equals(host);
  }
}

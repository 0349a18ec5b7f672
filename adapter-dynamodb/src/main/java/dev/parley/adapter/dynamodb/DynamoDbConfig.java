package dev.parley.adapter.dynamodb;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where the table is and how patient the client is.
 *
 * @param table the single table's name ({@code CHAT_DYNAMODB_TABLE})
 * @param region the AWS region ({@code AWS_REGION}, default {@code us-east-1})
 * @param endpoint an endpoint override, e.g. DynamoDB Local; null for the regional endpoint
 * @param maxAttempts attempts per call, first one included (SDK standard retry mode)
 * @param attemptTimeout the longest one HTTP attempt may take
 * @param callTimeout the longest one call may take, retries included
 */
public record DynamoDbConfig(
    String table,
    String region,
    URI endpoint,
    int maxAttempts,
    Duration attemptTimeout,
    Duration callTimeout) {
  public static final String TABLE_VARIABLE = "CHAT_DYNAMODB_TABLE";
  public static final String REGION_VARIABLE = "AWS_REGION";
  public static final String ENDPOINT_VARIABLE = "CHAT_DYNAMODB_ENDPOINT";
  public static final String DEFAULT_REGION = "us-east-1";

  /** Few attempts: a chat request that waits longer than a few seconds has failed anyway. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);

  public DynamoDbConfig {
    if (table == null || table.isBlank()) {
      throw new IllegalArgumentException(TABLE_VARIABLE + " must name the DynamoDB table");
    }
    Objects.requireNonNull(region, "region");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    Objects.requireNonNull(attemptTimeout, "attemptTimeout");
    Objects.requireNonNull(callTimeout, "callTimeout");
  }

  /** The defaults for a table in a region, or behind an endpoint when {@code endpoint} is set. */
  public static DynamoDbConfig of(String table, String region, URI endpoint) {
    return new DynamoDbConfig(
        table,
        region,
        endpoint,
        DEFAULT_MAX_ATTEMPTS,
        DEFAULT_ATTEMPT_TIMEOUT,
        DEFAULT_CALL_TIMEOUT);
  }

  /**
   * Reads {@code CHAT_DYNAMODB_TABLE} (required), {@code AWS_REGION} (default us-east-1) and {@code
   * CHAT_DYNAMODB_ENDPOINT} (optional, an http(s) URL).
   *
   * @throws IllegalArgumentException naming the variable that is missing or malformed
   */
  public static DynamoDbConfig fromEnvironment(Map<String, String> env) {
    String table = trimmed(env.get(TABLE_VARIABLE));
    if (table == null) {
      throw new IllegalArgumentException(
          TABLE_VARIABLE + " is not set: name the DynamoDB table that holds the chat data");
    }
    String region = trimmed(env.get(REGION_VARIABLE));
    String endpoint = trimmed(env.get(ENDPOINT_VARIABLE));
    return of(table, region == null ? DEFAULT_REGION : region, endpoint(endpoint));
  }

  private static URI endpoint(String value) {
    if (value == null) {
      return null;
    }
    try {
      URI uri = new URI(value);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new IllegalArgumentException(
            ENDPOINT_VARIABLE
                + " must be an http(s) URL such as http://127.0.0.1:8000, was "
                + value);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(ENDPOINT_VARIABLE + " is not a URL: " + value, e);
    }
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}

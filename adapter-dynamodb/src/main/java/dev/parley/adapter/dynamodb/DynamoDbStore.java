package dev.parley.adapter.dynamodb;

import dev.parley.application.error.StoreUnavailableException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The client and table every adapter shares, and the one place where SDK failures become port
 * errors: throttling, server errors and timeouts turn into {@link StoreUnavailableException} with a
 * retry-after, after the SDK's own (explicitly configured, see {@link DynamoDbClients}) retries.
 * Condition failures pass through: each adapter decides what a failed condition means.
 */
public record DynamoDbStore(DynamoDbClient client, String table) {
  /** Throttled: the table's capacity needs a moment; the SDK has already backed off. */
  static final Duration RETRY_AFTER_THROTTLED = Duration.ofSeconds(1);

  /** Unreachable or failing: give the service (or the network) a little longer. */
  static final Duration RETRY_AFTER_FAULT = Duration.ofSeconds(2);

  /** A missing table is an operator's mistake; retrying soon will not help. */
  static final Duration RETRY_AFTER_MISSING_TABLE = Duration.ofSeconds(30);

  public DynamoDbStore {
    Objects.requireNonNull(client, "client");
    if (table == null || table.isBlank()) {
      throw new IllegalArgumentException("a DynamoDB table name is required");
    }
  }

  /** Runs one DynamoDB call, mapping faults to {@link StoreUnavailableException}. */
  <T> T call(String what, Supplier<T> request) {
    try {
      return request.get();
    } catch (ConditionalCheckFailedException | TransactionCanceledException e) {
      throw e;
    } catch (ResourceNotFoundException e) {
      throw new StoreUnavailableException(
          "DynamoDB table " + table + " not found (" + what + ")", RETRY_AFTER_MISSING_TABLE, e);
    } catch (DynamoDbException e) {
      if (e.isThrottlingException()) {
        throw new StoreUnavailableException("DynamoDB throttled " + what, RETRY_AFTER_THROTTLED, e);
      }
      if (e.statusCode() >= 500 || e.statusCode() == 0) {
        throw new StoreUnavailableException("DynamoDB failed " + what, RETRY_AFTER_FAULT, e);
      }
      // 4xx other than throttling: a bug in a request we built, not a passing fault.
      throw e;
    } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
      throw new StoreUnavailableException("DynamoDB timed out " + what, RETRY_AFTER_FAULT, e);
    } catch (SdkClientException e) {
      throw new StoreUnavailableException("DynamoDB unreachable " + what, RETRY_AFTER_FAULT, e);
    }
  }
}

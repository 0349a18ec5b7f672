package dev.parley.adapter.dynamodb;

import static dev.parley.adapter.dynamodb.Items.key;
import static dev.parley.adapter.dynamodb.Items.n;
import static dev.parley.adapter.dynamodb.Items.num;

import dev.parley.application.error.StoreUnavailableException;
import dev.parley.application.port.out.RateLimitPort;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Fixed windows aligned to the epoch, one item per key ({@code RATE#key / W}: window start {@code
 * ws}, permits used {@code used}, TTL at the window's end). Taking a permit is one conditional
 * UpdateItem ({@code ws = :start AND used < :limit}); a failed condition returns the item, which
 * tells whether the window is full (throttled) or old (reopen it with a second conditional write).
 * Concurrent callers are serialised by DynamoDB per item, so exactly {@code permits} succeed.
 */
public final class DynamoDbRateLimitAdapter implements RateLimitPort {
  private static final String WINDOW = "W";

  /** Each round either succeeds or learns that another caller moved the window: a few suffice. */
  private static final int MAX_ROUNDS = 8;

  private final DynamoDbStore store;

  public DynamoDbRateLimitAdapter(DynamoDbStore store) {
    this.store = store;
  }

  @Override
  public RateDecision acquire(String key, Limit limit, Instant now) {
    long windowMillis = limit.window().toMillis();
    if (windowMillis < 1) {
      throw new IllegalArgumentException("windows shorter than a millisecond are not supported");
    }
    long start = Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis;
    Map<String, AttributeValue> itemKey = key(Keys.rateLimit(key), WINDOW);
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Map<String, AttributeValue> current;
      try {
        long used = take(itemKey, start, limit.permits());
        return new Permitted(
            limit.permits(), limit.permits() - (int) used, resetAt(start, windowMillis));
      } catch (ConditionalCheckFailedException e) {
        current = e.hasItem() ? e.item() : Map.of();
      }
      long windowStart = num(current, "ws", Long.MIN_VALUE);
      if (windowStart > start) {
        // A late caller with an older instant counts against the newer window, as in memory.
        start = windowStart;
        continue;
      }
      if (windowStart == start) {
        return new Throttled(limit.permits(), resetAt(start, windowMillis));
      }
      try {
        open(itemKey, start, windowMillis);
        return new Permitted(limit.permits(), limit.permits() - 1, resetAt(start, windowMillis));
      } catch (ConditionalCheckFailedException someoneElseOpenedIt) {
        // Loop: count against the window the other caller opened.
      }
    }
    throw new StoreUnavailableException(
        "rate limit window for " + key + " kept moving", Duration.ofMillis(100), null);
  }

  private long take(Map<String, AttributeValue> itemKey, long start, int permits) {
    return num(
        store.call(
            "take permit",
            () ->
                store
                    .client()
                    .updateItem(
                        b ->
                            b.tableName(store.table())
                                .key(itemKey)
                                .updateExpression("SET used = used + :one")
                                .conditionExpression("ws = :start AND used < :permits")
                                .expressionAttributeValues(
                                    Map.of(
                                        ":one", n(1), ":start", n(start), ":permits", n(permits)))
                                .returnValues(ReturnValue.UPDATED_NEW)
                                .returnValuesOnConditionCheckFailure(
                                    ReturnValuesOnConditionCheckFailure.ALL_OLD))
                    .attributes()),
        "used",
        permits);
  }

  private void open(Map<String, AttributeValue> itemKey, long start, long windowMillis) {
    store.call(
        "open rate window",
        () ->
            store
                .client()
                .updateItem(
                    b ->
                        b.tableName(store.table())
                            .key(itemKey)
                            .updateExpression("SET ws = :start, used = :one, #ttl = :ttl")
                            .conditionExpression("attribute_not_exists(ws) OR ws < :start")
                            .expressionAttributeNames(Map.of("#ttl", Items.TTL))
                            .expressionAttributeValues(
                                Map.of(
                                    ":start",
                                    n(start),
                                    ":one",
                                    n(1),
                                    ":ttl",
                                    Items.ttl(resetAt(start, windowMillis))))));
  }

  private static Instant resetAt(long start, long windowMillis) {
    return Instant.ofEpochMilli(start + windowMillis);
  }
}

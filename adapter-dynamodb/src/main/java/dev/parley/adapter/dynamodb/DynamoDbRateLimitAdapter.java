package dev.parley.adapter.dynamodb;

import static dev.parley.adapter.dynamodb.Items.key;
import static dev.parley.adapter.dynamodb.Items.n;
import static dev.parley.adapter.dynamodb.Items.num;

import dev.parley.application.port.out.RateLimitPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Fixed windows aligned to the epoch, one item per key and window ({@code RATE#key / W#start}:
 * permits used {@code used}, TTL at the window's end). Taking a permit is always exactly one
 * conditional UpdateItem ({@code ADD used :one} if {@code used} is missing or below the limit),
 * whether the window is new or not: a failed condition means the window is full. DynamoDB
 * serialises concurrent callers per item, so exactly {@code permits} succeed per window.
 *
 * <p>An item per window instead of one per key re-opened in place: that design needed a second
 * write (and a second round trip) for the first permit of every window, which for a user posting
 * every minute or so under a 10 s window was every post. The price is one small item per key and
 * window until TTL removes it. Unlike the in-memory and PostgreSQL adapters, a caller whose instant
 * lies in an older window (a clock a few milliseconds behind another node's) counts against that
 * window rather than the newest one; each window still permits exactly its limit.
 */
@Singleton
public final class DynamoDbRateLimitAdapter implements RateLimitPort {
  private final DynamoDbStore store;

  @Inject
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
    Instant resetAt = Instant.ofEpochMilli(start + windowMillis);
    try {
      long used = take(key(Keys.rateLimit(key), "W#" + start), resetAt, limit.permits());
      return new Permitted(limit.permits(), limit.permits() - (int) used, resetAt);
    } catch (ConditionalCheckFailedException full) {
      return new Throttled(limit.permits(), resetAt);
    }
  }

  private long take(Map<String, AttributeValue> itemKey, Instant resetAt, int permits) {
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
                                .updateExpression("ADD used :one SET #ttl = :ttl")
                                .conditionExpression(
                                    "attribute_not_exists(used) OR used < :permits")
                                .expressionAttributeNames(Map.of("#ttl", Items.TTL))
                                .expressionAttributeValues(
                                    Map.of(
                                        ":one",
                                        n(1),
                                        ":permits",
                                        n(permits),
                                        ":ttl",
                                        Items.ttl(resetAt)))
                                .returnValues(ReturnValue.UPDATED_NEW))
                    .attributes()),
        "used",
        permits);
  }
}

package dev.parley.adapter.dynamodb;

import static dev.parley.adapter.dynamodb.Items.key;
import static dev.parley.adapter.dynamodb.Items.s;
import static dev.parley.adapter.dynamodb.Items.str;

import dev.parley.application.error.StoreUnavailableException;
import dev.parley.application.port.out.StepDown;
import dev.parley.domain.access.Role;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The last-owner guard on DynamoDB. An owner's membership is written in one TransactWriteItems
 * together with a ConditionCheck that another owner's item still says OWNER; transactions are
 * serialisable, so of two owners stepping down at once the second either sees the first's write or
 * is cancelled, and on the retry finds no other owner. Other writes are conditioned on the role
 * read, so a promotion in between sends them round again.
 */
final class OwnerGuard {
  private static final int ATTEMPTS = 20;
  private static final String OWNER = Role.OWNER.name();

  private final DynamoDbStore store;
  private final Queries queries;

  OwnerGuard(DynamoDbStore store, Queries queries) {
    this.store = store;
    this.queries = queries;
  }

  /**
   * The write of one membership item under {@code condition}; null when there is nothing to write
   * (removing a membership that is not there). Empty maps when the condition names no attribute.
   */
  interface Write {
    TransactWriteItem item(
        String condition, Map<String, String> names, Map<String, AttributeValue> values);
  }

  /**
   * Runs {@code write} for the member of {@code roomId}; {@code losesOwnership} says whether it
   * takes ownership away from a member who holds it.
   */
  StepDown run(String what, RoomId roomId, UserId userId, boolean losesOwnership, Write write) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Optional<String> role =
          queries.get(what, Keys.room(roomId), Keys.member(userId)).map(item -> str(item, "role"));
      try {
        if (losesOwnership && role.filter(OWNER::equals).isPresent()) {
          Optional<String> other = anotherOwner(what, roomId, userId);
          if (other.isEmpty()) {
            return new StepDown.LastOwner();
          }
          transact(
              what,
              write.item("#role = :owner", Map.of("#role", "role"), Map.of(":owner", s(OWNER))),
              otherIsOwner(roomId, other.get()));
        } else if (role.isPresent()) {
          transact(
              what,
              write.item("#role = :seen", Map.of("#role", "role"), Map.of(":seen", s(role.get()))));
        } else {
          transact(what, write.item("attribute_not_exists(pk)", Map.of(), Map.of()));
        }
        return new StepDown.Applied();
      } catch (TransactionCanceledException | ConditionalCheckFailedException changed) {
        // Someone wrote one of these items since they were read: read again.
        backOff(attempt);
      }
    }
    throw new StoreUnavailableException(
        "DynamoDB contention on the owners of " + roomId.value() + " (" + what + ")",
        DynamoDbStore.RETRY_AFTER_FAULT,
        null);
  }

  private void transact(String what, TransactWriteItem... items) {
    if (items[0] == null) {
      return;
    }
    store.call(what, () -> store.client().transactWriteItems(b -> b.transactItems(items)));
  }

  private TransactWriteItem otherIsOwner(RoomId roomId, String otherUserId) {
    return TransactWriteItem.builder()
        .conditionCheck(
            ConditionCheck.builder()
                .tableName(store.table())
                .key(key(Keys.room(roomId), Keys.member(UserId.of(otherUserId))))
                .conditionExpression("#role = :owner")
                .expressionAttributeNames(Map.of("#role", "role"))
                .expressionAttributeValues(Map.of(":owner", s(OWNER)))
                .build())
        .build();
  }

  /** Any owner of the room but {@code userId}, read strongly consistent, page by page. */
  private Optional<String> anotherOwner(String what, RoomId roomId, UserId userId) {
    QueryRequest.Builder request =
        QueryRequest.builder()
            .tableName(store.table())
            .consistentRead(true)
            .keyConditionExpression("pk = :pk AND begins_with(sk, :member)")
            .filterExpression("#role = :owner")
            .expressionAttributeNames(Map.of("#role", "role"))
            .expressionAttributeValues(
                Map.of(
                    ":pk", s(Keys.room(roomId)),
                    ":member", s(Keys.MEMBER),
                    ":owner", s(OWNER)));
    Map<String, AttributeValue> start = null;
    do {
      QueryRequest page = request.exclusiveStartKey(start).build();
      QueryResponse response = store.call(what, () -> store.client().query(page));
      for (Map<String, AttributeValue> item : response.items()) {
        String owner = str(item, "userId");
        if (!owner.equals(userId.value())) {
          return Optional.of(owner);
        }
      }
      start = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
    } while (start != null && !start.isEmpty());
    return Optional.empty();
  }

  private static void backOff(int attempt) {
    long cap = Duration.ofMillis(5L << Math.min(attempt, 5)).toNanos();
    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(cap));
  }
}

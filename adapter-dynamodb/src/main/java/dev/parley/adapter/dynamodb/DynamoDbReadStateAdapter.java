package dev.parley.adapter.dynamodb;

import static dev.parley.adapter.dynamodb.Items.key;
import static dev.parley.adapter.dynamodb.Items.n;
import static dev.parley.adapter.dynamodb.Items.num;

import dev.parley.application.port.out.ReadStatePort;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Read markers as one small item per room and user ({@code ROOM#r / READ#u}, attribute {@code n}).
 * Advancing is one conditional UpdateItem ({@code n < :s}); when the condition fails the item's
 * current value comes back with the failure, so "never backwards" costs no extra read.
 */
@Singleton
public final class DynamoDbReadStateAdapter implements ReadStatePort {
  private final DynamoDbStore store;
  private final Queries queries;

  @Inject
  public DynamoDbReadStateAdapter(DynamoDbStore store) {
    this.store = store;
    this.queries = new Queries(store);
  }

  @Override
  public long lastRead(RoomId roomId, UserId userId) {
    return queries
        .get("read marker", Keys.room(roomId), Keys.read(userId))
        .map(item -> num(item, "n", 0))
        .orElse(0L);
  }

  @Override
  public long advance(RoomId roomId, UserId userId, long sequence) {
    try {
      Map<String, AttributeValue> updated =
          store.call(
              "advance read marker",
              () ->
                  store
                      .client()
                      .updateItem(
                          b ->
                              b.tableName(store.table())
                                  .key(key(Keys.room(roomId), Keys.read(userId)))
                                  .updateExpression("SET n = :s")
                                  .conditionExpression("attribute_not_exists(n) OR n < :s")
                                  .expressionAttributeValues(Map.of(":s", n(sequence)))
                                  .returnValues(ReturnValue.UPDATED_NEW)
                                  .returnValuesOnConditionCheckFailure(
                                      ReturnValuesOnConditionCheckFailure.ALL_OLD))
                      .attributes());
      return num(updated, "n", sequence);
    } catch (ConditionalCheckFailedException alreadyFurther) {
      return alreadyFurther.hasItem()
          ? num(alreadyFurther.item(), "n", sequence)
          : lastRead(roomId, userId);
    }
  }

  @Override
  public void reset(RoomId roomId, UserId userId, long sequence) {
    Map<String, AttributeValue> item = key(Keys.room(roomId), Keys.read(userId));
    item.put("n", n(sequence));
    store.call(
        "reset read marker",
        () -> store.client().putItem(b -> b.tableName(store.table()).item(item)));
  }
}

package dev.parley.adapter.dynamodb;

import static dev.parley.adapter.dynamodb.Items.key;
import static dev.parley.adapter.dynamodb.Items.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The request shapes the adapters share. Every Query follows {@code LastEvaluatedKey}: one call
 * returns at most 1 MB, so a page or a count may take several calls.
 */
final class Queries {
  /** DynamoDB returns at most 1 MB per Query or Scan call; the rest needs LastEvaluatedKey. */
  static final int MAX_QUERY_RESPONSE_BYTES = 1024 * 1024;

  /** BatchGetItem reads at most 100 keys per call. */
  static final int MAX_BATCH_GET_KEYS = 100;

  private final DynamoDbStore store;

  Queries(DynamoDbStore store) {
    this.store = store;
  }

  /** A strongly consistent GetItem. */
  Optional<Map<String, AttributeValue>> get(String what, String pk, String sk) {
    Map<String, AttributeValue> item =
        store.call(
            what,
            () ->
                store
                    .client()
                    .getItem(b -> b.tableName(store.table()).key(key(pk, sk)).consistentRead(true))
                    .item());
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  /**
   * Strongly consistent BatchGetItem of the keys, 100 per call (DynamoDB's limit), asking again for
   * unprocessed keys. Missing items are simply absent; the order is not the keys' order.
   */
  List<Map<String, AttributeValue>> batchGet(String what, List<Map<String, AttributeValue>> keys) {
    List<Map<String, AttributeValue>> items = new ArrayList<>(keys.size());
    for (int from = 0; from < keys.size(); from += MAX_BATCH_GET_KEYS) {
      Map<String, KeysAndAttributes> pending =
          Map.of(
              store.table(),
              KeysAndAttributes.builder()
                  .keys(keys.subList(from, Math.min(keys.size(), from + MAX_BATCH_GET_KEYS)))
                  .consistentRead(true)
                  .build());
      while (!pending.isEmpty()) {
        Map<String, KeysAndAttributes> request = pending;
        BatchGetItemResponse response =
            store.call(what, () -> store.client().batchGetItem(b -> b.requestItems(request)));
        items.addAll(response.responses().getOrDefault(store.table(), List.of()));
        // Throttled or oversized batches come back as unprocessed keys: ask again for those only.
        pending =
            response.hasUnprocessedKeys() && !response.unprocessedKeys().isEmpty()
                ? response.unprocessedKeys()
                : Map.of();
      }
    }
    return items;
  }

  /** Deletes the item if it is there; true for exactly one of concurrent callers. */
  boolean deleteIfExists(String what, String pk, String sk) {
    try {
      store.call(
          what,
          () ->
              store
                  .client()
                  .deleteItem(
                      b ->
                          b.tableName(store.table())
                              .key(key(pk, sk))
                              .conditionExpression("attribute_exists(pk)")));
      return true;
    } catch (ConditionalCheckFailedException absent) {
      return false;
    }
  }

  /**
   * Up to {@code limit} items of one partition (of the table, or of {@code index}) whose sort key
   * starts with {@code prefix} and is greater than {@code after}, in sort-key order.
   */
  List<Map<String, AttributeValue>> pageAfter(
      String index, String pkName, String pk, String prefix, String after, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    String skName = index == null ? Items.SK : Items.GSI1_SK;
    QueryRequest.Builder request =
        QueryRequest.builder()
            .tableName(store.table())
            .keyConditionExpression("#pk = :pk AND #sk BETWEEN :after AND :end")
            .expressionAttributeNames(Map.of("#pk", pkName, "#sk", skName))
            .expressionAttributeValues(
                Map.of(":pk", s(pk), ":after", s(after + '\u0001'), ":end", s(prefix + '\uffff')));
    if (index == null) {
      request.consistentRead(true);
    } else {
      request.indexName(index);
    }
    return all(request, limit);
  }

  /** Follows LastEvaluatedKey until {@code limit} items are read or the results end. */
  List<Map<String, AttributeValue>> all(QueryRequest.Builder request, int limit) {
    return all(request, limit, item -> true);
  }

  /**
   * Follows LastEvaluatedKey until {@code limit} items that {@code counts} are read or the results
   * end; the items that do not count are returned too, in their place.
   */
  List<Map<String, AttributeValue>> all(
      QueryRequest.Builder request, int limit, Predicate<Map<String, AttributeValue>> counts) {
    List<Map<String, AttributeValue>> items = new ArrayList<>(Math.min(limit, 256));
    int counted = 0;
    Map<String, AttributeValue> start = null;
    do {
      QueryRequest page = request.limit(limit - counted).exclusiveStartKey(start).build();
      QueryResponse response = store.call("query", () -> store.client().query(page));
      for (Map<String, AttributeValue> item : response.items()) {
        items.add(item);
        if (counts.test(item)) {
          counted++;
        }
      }
      start = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
    } while (start != null && !start.isEmpty() && counted < limit);
    return items;
  }

  /** Counts one partition's items under {@code prefix} passing {@code filter}, page by page. */
  long count(
      String what,
      String pk,
      String prefix,
      String filter,
      Map<String, String> names,
      Map<String, AttributeValue> values) {
    return countBetween(what, pk, prefix, prefix + '\uffff', filter, names, values);
  }

  long countBetween(
      String what,
      String pk,
      String from,
      String to,
      String filter,
      Map<String, String> names,
      Map<String, AttributeValue> values) {
    Map<String, AttributeValue> allValues = new HashMap<>(values);
    allValues.put(":pk", s(pk));
    allValues.put(":from", s(from));
    allValues.put(":to", s(to));
    QueryRequest.Builder request =
        QueryRequest.builder()
            .tableName(store.table())
            .consistentRead(true)
            .select(Select.COUNT)
            .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
            .expressionAttributeValues(allValues);
    if (filter != null) {
      request.filterExpression(filter);
    }
    if (!names.isEmpty()) {
      request.expressionAttributeNames(names);
    }
    long count = 0;
    Map<String, AttributeValue> start = null;
    do {
      QueryRequest page = request.exclusiveStartKey(start).build();
      QueryResponse response = store.call(what, () -> store.client().query(page));
      count += response.count();
      start = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
    } while (start != null && !start.isEmpty());
    return count;
  }
}

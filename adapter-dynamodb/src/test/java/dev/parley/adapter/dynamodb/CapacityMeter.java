package dev.parley.adapter.dynamodb;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Asks every data-plane request for {@code ReturnConsumedCapacity TOTAL} and adds up, per thread,
 * the read and write units and the number of calls, so a test can measure exactly what one use case
 * consumed.
 */
final class CapacityMeter implements ExecutionInterceptor {
  /** What the current thread consumed since its last {@link #reset}. */
  record Usage(double readUnits, double writeUnits, int calls) {
    // DynamoDB Local reports only the total (CapacityUnits), not the read/write split, so the
    // kind of request decides which side the units count on.
    Usage plus(ConsumedCapacity capacity, boolean write) {
      double units = capacity == null ? 0 : nonNull(capacity.capacityUnits());
      return write
          ? new Usage(readUnits, writeUnits + units, calls + 1)
          : new Usage(readUnits + units, writeUnits, calls + 1);
    }

    private static double nonNull(Double units) {
      return units == null ? 0 : units;
    }
  }

  private final ThreadLocal<Usage> usage = ThreadLocal.withInitial(() -> new Usage(0, 0, 0));

  void reset() {
    usage.set(new Usage(0, 0, 0));
  }

  Usage usage() {
    return usage.get();
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
    return switch (context.request()) {
      case GetItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
      case PutItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
      case UpdateItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
      case DeleteItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
      case QueryRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
      case BatchGetItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
      case TransactWriteItemsRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
      default -> context.request();
    };
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    switch (context.response()) {
      case GetItemResponse r -> add(r.consumedCapacity(), false);
      case PutItemResponse r -> add(r.consumedCapacity(), true);
      case UpdateItemResponse r -> add(r.consumedCapacity(), true);
      case DeleteItemResponse r -> add(r.consumedCapacity(), true);
      case QueryResponse r -> add(r.consumedCapacity(), false);
      case BatchGetItemResponse r -> r.consumedCapacity().forEach(c -> add(c, false));
      case TransactWriteItemsResponse r -> r.consumedCapacity().forEach(c -> add(c, true));
      default -> {}
    }
  }

  private void add(ConsumedCapacity capacity, boolean write) {
    usage.set(usage.get().plus(capacity, write));
  }
}

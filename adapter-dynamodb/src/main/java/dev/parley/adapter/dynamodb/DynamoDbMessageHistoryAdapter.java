package dev.parley.adapter.dynamodb;

import static dev.parley.adapter.dynamodb.Items.num;
import static dev.parley.adapter.dynamodb.Items.s;

import dev.parley.application.port.out.MessageHistoryPort;
import dev.parley.application.port.out.RoomSequencePort;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Reads history by sequence: a page is one strongly consistent Query on the room's partition with
 * {@code Limit}, between two zero-padded {@code MSG#} sort keys (newest first for {@link #before}).
 * Replies are one Query on the thread's index partition.
 *
 * <p>Sequences are taken before messages are written, so for a moment a later message can be
 * visible while an earlier one is still in flight. Pages stop at such a hole, so readers never skip
 * a message; a hole older than {@link #SETTLED_AFTER} is a failed write (gaps are allowed then) and
 * is passed over, and so is at once a sequence marked as a gap by the append that took it.
 */
@Singleton
public final class DynamoDbMessageHistoryAdapter implements MessageHistoryPort, RoomSequencePort {
  /**
   * Longer than any write can take once its sequence is taken (the client's call timeout, retries
   * included, is a few seconds): a hole older than this will never fill.
   */
  static final Duration SETTLED_AFTER = Duration.ofSeconds(15);

  private final DynamoDbStore store;
  private final Queries queries;
  private final Clock clock;

  @Inject
  public DynamoDbMessageHistoryAdapter(DynamoDbStore store) {
    this(store, Clock.systemUTC());
  }

  DynamoDbMessageHistoryAdapter(DynamoDbStore store, Clock clock) {
    this.store = store;
    this.queries = new Queries(store);
    this.clock = clock;
  }

  @Override
  public List<Message> before(RoomId roomId, long beforeSequence, int limit) {
    if (limit <= 0 || beforeSequence <= 1) {
      return List.of();
    }
    List<Map<String, AttributeValue>> newestFirst =
        messages(roomId, 1, beforeSequence - 1, false, limit);
    List<Map<String, AttributeValue>> ascending = new ArrayList<>(newestFirst.reversed());
    long first = ascending.isEmpty() ? 0 : Keys.sequenceOf(Items.str(ascending.get(0), Items.SK));
    return withoutHoles(ascending, first);
  }

  @Override
  public List<Message> after(RoomId roomId, long afterSequence, int limit) {
    if (limit <= 0 || afterSequence == Long.MAX_VALUE) {
      return List.of();
    }
    return withoutHoles(
        messages(roomId, afterSequence + 1, Long.MAX_VALUE, true, limit), afterSequence + 1);
  }

  @Override
  public List<Message> replies(RoomId roomId, MessageId parentId, long afterSequence, int limit) {
    if (limit <= 0 || afterSequence == Long.MAX_VALUE) {
      return List.of();
    }
    QueryRequest.Builder request =
        QueryRequest.builder()
            .tableName(store.table())
            .indexName(DynamoDbTables.GSI1)
            .keyConditionExpression("gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to")
            .expressionAttributeValues(
                Map.of(
                    ":pk", s(Keys.thread(roomId, parentId)),
                    ":from", s(Keys.message(afterSequence + 1)),
                    ":to", s(Keys.message(Long.MAX_VALUE))));
    return queries.all(request, limit).stream().map(MessageItems::message).toList();
  }

  @Override
  public long lastSequence(RoomId roomId) {
    return queries
        .get("last sequence", Keys.room(roomId), Keys.SEQUENCE)
        .map(item -> num(item, "n", 0))
        .orElse(0L);
  }

  @Override
  public long countUnread(RoomId roomId, long afterSequence, UserId reader) {
    if (afterSequence == Long.MAX_VALUE) {
      return 0;
    }
    return queries.countBetween(
        "count unread",
        Keys.room(roomId),
        Keys.message(afterSequence + 1),
        Keys.message(Long.MAX_VALUE),
        "author <> :reader AND attribute_not_exists(deletedAt) AND attribute_not_exists(#gap)",
        Map.of("#gap", MessageItems.GAP),
        Map.of(":reader", s(reader.value())));
  }

  private List<Map<String, AttributeValue>> messages(
      RoomId roomId, long from, long to, boolean ascending, int limit) {
    QueryRequest.Builder request =
        QueryRequest.builder()
            .tableName(store.table())
            .consistentRead(true)
            .scanIndexForward(ascending)
            .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
            .expressionAttributeValues(
                Map.of(
                    ":pk", s(Keys.room(roomId)),
                    ":from", s(Keys.message(from)),
                    ":to", s(Keys.message(to))));
    // Gap markers are returned (the hole check needs them) but do not fill the page.
    return queries.all(request, limit, item -> !MessageItems.isGap(item));
  }

  /** The ascending page up to its first unsettled hole; {@code expected} is the first sequence. */
  private List<Message> withoutHoles(List<Map<String, AttributeValue>> ascending, long expected) {
    long settled = clock.millis() - SETTLED_AFTER.toMillis();
    List<Message> page = new ArrayList<>(ascending.size());
    long next = expected;
    for (Map<String, AttributeValue> item : ascending) {
      long sequence = Keys.sequenceOf(Items.str(item, Items.SK));
      if (sequence != next && MessageItems.writtenAt(item) > settled) {
        break;
      }
      if (!MessageItems.isGap(item)) {
        page.add(MessageItems.message(item));
      }
      next = sequence + 1;
    }
    return List.copyOf(page);
  }

  /** BatchGetItem of the rooms' counter items, which each append stamps with its message's time. */
  @Override
  public Map<RoomId, Instant> lastActivity(Collection<RoomId> roomIds) {
    List<Map<String, AttributeValue>> keys = new ArrayList<>(roomIds.size());
    for (RoomId roomId : new LinkedHashSet<>(roomIds)) {
      keys.add(Items.key(Keys.room(roomId), Keys.SEQUENCE));
    }
    Map<RoomId, Instant> activity = new HashMap<>();
    for (Map<String, AttributeValue> item : queries.batchGet("last activity", keys)) {
      long at = num(item, DynamoDbMessageStoreAdapter.ACTIVITY, -1);
      if (at >= 0) {
        activity.put(
            RoomId.of(Keys.idAfterPrefix(Items.str(item, Items.PK))), Instant.ofEpochMilli(at));
      }
    }
    return activity;
  }
}

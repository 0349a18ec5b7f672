package dev.parley.adapter.dynamodb;

import static dev.parley.adapter.dynamodb.Items.instant;
import static dev.parley.adapter.dynamodb.Items.key;
import static dev.parley.adapter.dynamodb.Items.n;
import static dev.parley.adapter.dynamodb.Items.num;
import static dev.parley.adapter.dynamodb.Items.s;
import static dev.parley.adapter.dynamodb.Items.str;

import dev.parley.application.error.StoreUnavailableException;
import dev.parley.application.port.out.AppendResult;
import dev.parley.application.port.out.MessageStorePort;
import dev.parley.domain.message.ChangeOutcome;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageChange;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.message.NewMessage;
import dev.parley.domain.room.RoomId;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Appends messages and applies changes. A post is, in order: a conditional PutItem of the dedup
 * item ({@code DEDUP#author/clientMessageId}, only when the post has a client message id), an
 * UpdateItem {@code ADD n 1} on the room's counter returning the new sequence, a PutItem of the
 * message at {@code MSG#<sequence>} and a PutItem of the id pointer ({@code MSGID#id}); a reply
 * then adds one to its parent's reply count. The dedup claim comes first so a replay never burns a
 * sequence; a write that fails after the counter leaves a gap at that sequence (the only way gaps
 * arise). Changes are single conditional UpdateItems, so they commute with reply counting.
 */
public final class DynamoDbMessageStoreAdapter implements MessageStorePort {
  /** A replay waits this long at most for the original post, still in flight, to land. */
  static final Duration REPLAY_WAIT = Duration.ofSeconds(5);

  private static final String CHANGE_CONDITION =
      "attribute_exists(pk) AND attribute_not_exists(deletedAt)";

  private final DynamoDbStore store;
  private final Queries queries;
  private final Clock clock;

  public DynamoDbMessageStoreAdapter(DynamoDbStore store) {
    this(store, Clock.systemUTC());
  }

  DynamoDbMessageStoreAdapter(DynamoDbStore store, Clock clock) {
    this.store = store;
    this.queries = new Queries(store);
    this.clock = clock;
  }

  @Override
  public AppendResult append(NewMessage draft) {
    boolean keyed = draft.clientMessageId() != null;
    if (keyed) {
      Optional<MessageId> original = claim(draft);
      if (original.isPresent()) {
        return new AppendResult.Replayed(awaitOriginal(draft.roomId(), original.get()));
      }
    }
    try {
      long sequence = nextSequence(draft.roomId());
      Message message = Message.fromDraft(draft, sequence);
      put("store message", MessageItems.item(message, clock.millis()));
      Map<String, AttributeValue> pointer =
          key(Keys.room(draft.roomId()), Keys.messageId(draft.id()));
      pointer.put("seq", n(sequence));
      put("store message id", pointer);
      if (draft.parentId() != null) {
        countReply(draft.roomId(), draft.parentId());
      }
      return new AppendResult.Appended(message);
    } catch (RuntimeException e) {
      if (keyed) {
        // Free the client message id so the client's retry posts instead of waiting for a ghost.
        release(draft);
      }
      throw e;
    }
  }

  @Override
  public Optional<Message> find(RoomId roomId, MessageId messageId) {
    return sequenceOf(roomId, messageId)
        .flatMap(seq -> queries.get("find message", Keys.room(roomId), Keys.message(seq)))
        .map(MessageItems::message);
  }

  @Override
  public Optional<ChangeOutcome> change(RoomId roomId, MessageId messageId, MessageChange change) {
    Optional<Long> sequence = sequenceOf(roomId, messageId);
    if (sequence.isEmpty()) {
      return Optional.empty();
    }
    Map<String, AttributeValue> values = new HashMap<>();
    String update =
        switch (change) {
          case MessageChange.Edit edit -> {
            values.put(":body", s(edit.body().text()));
            values.put(":at", instant(edit.at()));
            yield "SET body = :body, editedAt = :at";
          }
          case MessageChange.Delete delete -> {
            values.put(":at", instant(delete.at()));
            values.put(":false", Items.bool(false));
            yield "REMOVE body SET deletedAt = :at, pinned = :false";
          }
          case MessageChange.Pin pin -> {
            values.put(":pinned", Items.bool(pin.pinned()));
            yield "SET pinned = :pinned";
          }
        };
    Items.guardSize(values);
    try {
      Map<String, AttributeValue> updated =
          store.call(
              "change message",
              () ->
                  store
                      .client()
                      .updateItem(
                          b ->
                              b.tableName(store.table())
                                  .key(key(Keys.room(roomId), Keys.message(sequence.get())))
                                  .updateExpression(update)
                                  .conditionExpression(CHANGE_CONDITION)
                                  .expressionAttributeValues(values)
                                  .returnValues(ReturnValue.ALL_NEW)
                                  .returnValuesOnConditionCheckFailure(
                                      ReturnValuesOnConditionCheckFailure.ALL_OLD))
                      .attributes());
      return Optional.of(new ChangeOutcome.Applied(MessageItems.message(updated)));
    } catch (ConditionalCheckFailedException e) {
      return e.hasItem() && !e.item().isEmpty()
          ? Optional.of(new ChangeOutcome.Rejected(ChangeOutcome.Reason.DELETED))
          : Optional.empty();
    }
  }

  /** Claims the client message id; the original's id when someone claimed it before. */
  private Optional<MessageId> claim(NewMessage draft) {
    Map<String, AttributeValue> item =
        key(Keys.room(draft.roomId()), Keys.dedup(draft.author(), draft.clientMessageId()));
    item.put("messageId", s(draft.id().value()));
    try {
      store.call(
          "claim client message id",
          () ->
              store
                  .client()
                  .putItem(
                      b ->
                          b.tableName(store.table())
                              .item(item)
                              .conditionExpression("attribute_not_exists(pk)")
                              .returnValuesOnConditionCheckFailure(
                                  ReturnValuesOnConditionCheckFailure.ALL_OLD)));
      return Optional.empty();
    } catch (ConditionalCheckFailedException replay) {
      return Optional.of(MessageId.of(str(replay.item(), "messageId")));
    }
  }

  private void release(NewMessage draft) {
    try {
      store.call(
          "release client message id",
          () ->
              store
                  .client()
                  .deleteItem(
                      b ->
                          b.tableName(store.table())
                              .key(
                                  key(
                                      Keys.room(draft.roomId()),
                                      Keys.dedup(draft.author(), draft.clientMessageId())))
                              .conditionExpression("messageId = :id")
                              .expressionAttributeValues(Map.of(":id", s(draft.id().value())))));
    } catch (RuntimeException ignored) {
      // Best effort: the original failure is what the caller needs to see.
    }
  }

  /** The original of a replay; it may still be in flight on another node, so wait a little. */
  private Message awaitOriginal(RoomId roomId, MessageId original) {
    long deadline = System.nanoTime() + REPLAY_WAIT.toNanos();
    long pauseMillis = 5;
    while (true) {
      Optional<Message> found = find(roomId, original);
      if (found.isPresent()) {
        return found.get();
      }
      if (System.nanoTime() > deadline) {
        throw new StoreUnavailableException(
            "the original post with this client message id is still being stored",
            Duration.ofSeconds(1),
            null);
      }
      pause(pauseMillis);
      pauseMillis = Math.min(pauseMillis * 2, 200);
    }
  }

  private long nextSequence(RoomId roomId) {
    Map<String, AttributeValue> updated =
        store.call(
            "next sequence",
            () ->
                store
                    .client()
                    .updateItem(
                        b ->
                            b.tableName(store.table())
                                .key(key(Keys.room(roomId), Keys.SEQUENCE))
                                .updateExpression("ADD n :one")
                                .expressionAttributeValues(Map.of(":one", n(1)))
                                .returnValues(ReturnValue.UPDATED_NEW))
                    .attributes());
    return num(updated, "n", 0);
  }

  private void countReply(RoomId roomId, MessageId parentId) {
    Optional<Long> parent = sequenceOf(roomId, parentId);
    if (parent.isEmpty()) {
      return;
    }
    try {
      store.call(
          "count reply",
          () ->
              store
                  .client()
                  .updateItem(
                      b ->
                          b.tableName(store.table())
                              .key(key(Keys.room(roomId), Keys.message(parent.get())))
                              .updateExpression("ADD replyCount :one")
                              .conditionExpression("attribute_exists(pk)")
                              .expressionAttributeValues(Map.of(":one", n(1)))));
    } catch (ConditionalCheckFailedException parentGone) {
      // The parent's write failed after its sequence was taken: nothing to count on.
    }
  }

  private Optional<Long> sequenceOf(RoomId roomId, MessageId messageId) {
    return queries
        .get("find message id", Keys.room(roomId), Keys.messageId(messageId))
        .map(item -> num(item, "seq", 0));
  }

  private void put(String what, Map<String, AttributeValue> item) {
    store.call(what, () -> store.client().putItem(b -> b.tableName(store.table()).item(item)));
  }

  /**
   * Between two reads of a replay's original, still in flight on another node or thread: the store
   * has nothing to wait on, so the replay polls, with jitter so that racing replays spread out,
   * bounded by {@link #REPLAY_WAIT}.
   */
  private static void pause(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis + ThreadLocalRandom.current().nextLong(millis + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException(
          "interrupted while waiting for a post", Duration.ofSeconds(1), e);
    }
  }
}

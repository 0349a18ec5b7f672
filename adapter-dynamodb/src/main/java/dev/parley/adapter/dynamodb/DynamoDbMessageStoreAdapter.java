package dev.parley.adapter.dynamodb;

import static dev.parley.adapter.dynamodb.Items.instant;
import static dev.parley.adapter.dynamodb.Items.key;
import static dev.parley.adapter.dynamodb.Items.n;
import static dev.parley.adapter.dynamodb.Items.num;
import static dev.parley.adapter.dynamodb.Items.s;

import dev.parley.application.port.out.AppendResult;
import dev.parley.application.port.out.MessageStorePort;
import dev.parley.domain.message.ChangeOutcome;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageChange;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.message.NewMessage;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Appends messages and applies changes. A plain post is an UpdateItem {@code ADD n 1} on the room's
 * counter returning the new sequence, a PutItem of the message at {@code MSG#<sequence>} and a
 * PutItem of the id pointer ({@code MSGID#id}): 3 write units. A post with a client message id has
 * a derived id ({@link MessageId#forClientMessage}), so its pointer doubles as the idempotency
 * claim: a consistent GetItem of the pointer (a retry of a stored post stops there, having written
 * nothing), the counter, a PutItem of the pointer on {@code attribute_not_exists(pk)}, and the
 * message, again conditional: also 3 write units. A reply then adds one to its parent's reply
 * count.
 *
 * <p>Concurrent retries of one post can each pass the GetItem and take a sequence; all but one lose
 * the pointer's condition, mark the sequence they took as a gap ({@link MessageItems#gap}, so
 * history passes it at once) and return the winner's message. A pointer without its message (the
 * winner is between its two writes, or failed there) is completed by whoever finds it: the first
 * conditional write of the message wins, so one message is stored and announced once. Changes are
 * single conditional UpdateItems, so they commute with reply counting.
 */
@Singleton
public final class DynamoDbMessageStoreAdapter implements MessageStorePort {
  private static final String CHANGE_CONDITION =
      "attribute_exists(pk) AND attribute_not_exists(deletedAt)";
  private static final String ABSENT = "attribute_not_exists(pk)";

  /** On the counter item: epoch millis of the latest append's message. */
  static final String ACTIVITY = "at";

  private final DynamoDbStore store;
  private final Queries queries;
  private final Clock clock;

  @Inject
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
    if (draft.clientMessageId() == null) {
      long sequence = nextSequence(draft.roomId(), draft.createdAt());
      Message message = Message.fromDraft(draft, sequence);
      put("store message", MessageItems.item(message, clock.millis()), null);
      put("store message id", pointer(draft.roomId(), draft.id(), sequence), null);
      return appended(message);
    }
    MessageId derived =
        MessageId.forClientMessage(draft.roomId(), draft.author(), draft.clientMessageId());
    if (!draft.id().equals(derived)) {
      throw new IllegalArgumentException(
          "a draft with a client message id must have the id MessageId.forClientMessage gives");
    }
    Optional<Long> claimed = sequenceOf(draft.roomId(), draft.id());
    if (claimed.isPresent()) {
      return original(draft, claimed.get());
    }
    long sequence = nextSequence(draft.roomId(), draft.createdAt());
    Optional<Long> winner = claim(draft, sequence);
    if (winner.isPresent()) {
      markGap(draft.roomId(), sequence);
      return original(draft, winner.get());
    }
    return storeOrReplay(Message.fromDraft(draft, sequence));
  }

  @Override
  public Optional<Message> find(RoomId roomId, MessageId messageId) {
    return sequenceOf(roomId, messageId).flatMap(seq -> messageAt(roomId, seq));
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
    boolean pinning = change instanceof MessageChange.Pin pin && pin.pinned();
    if (pinning) {
      // The marker first: a pinned message always has one; a marker left by a failed pin is
      // passed over by readers, which check the message's flag.
      put("pin marker", key(Keys.room(roomId), Keys.pin(sequence.get())), null);
    }
    // A deletion returns the old item: whether it was pinned says whether a marker is left.
    boolean deleting = change instanceof MessageChange.Delete;
    try {
      Map<String, AttributeValue> returned =
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
                                  .returnValues(
                                      deleting ? ReturnValue.ALL_OLD : ReturnValue.ALL_NEW)
                                  .returnValuesOnConditionCheckFailure(
                                      ReturnValuesOnConditionCheckFailure.ALL_OLD))
                      .attributes());
      Message before = deleting ? MessageItems.message(returned) : null;
      Message changed =
          deleting
              ? ((ChangeOutcome.Applied) before.apply(change)).message()
              : MessageItems.message(returned);
      if ((deleting && before.pinned()) || (change instanceof MessageChange.Pin p && !p.pinned())) {
        unpinMarker(roomId, sequence.get());
      }
      return Optional.of(new ChangeOutcome.Applied(changed));
    } catch (ConditionalCheckFailedException e) {
      if (pinning) {
        unpinMarker(roomId, sequence.get());
      }
      return e.hasItem() && !e.item().isEmpty()
          ? Optional.of(new ChangeOutcome.Rejected(ChangeOutcome.Reason.DELETED))
          : Optional.empty();
    }
  }

  private void unpinMarker(RoomId roomId, long sequence) {
    try {
      store.call(
          "unpin marker",
          () ->
              store
                  .client()
                  .deleteItem(
                      b ->
                          b.tableName(store.table())
                              .key(key(Keys.room(roomId), Keys.pin(sequence)))));
    } catch (RuntimeException e) {
      // Best effort: readers pass over a marker whose message is not pinned.
    }
  }

  /**
   * Writes the keyed post's pointer, which is its claim; the sequence already in it when another
   * append of the same post wrote it first.
   */
  private Optional<Long> claim(NewMessage draft, long sequence) {
    try {
      put("claim client message id", pointer(draft.roomId(), draft.id(), sequence), ABSENT);
      return Optional.empty();
    } catch (ConditionalCheckFailedException lost) {
      return Optional.of(num(lost.item(), "seq", 0));
    }
  }

  /**
   * The post whose pointer names {@code sequence}: as stored, or, when its message is not there yet
   * (its first append is between its writes, or failed there), stored now from this draft.
   */
  private AppendResult original(NewMessage draft, long sequence) {
    Optional<Message> stored = messageAt(draft.roomId(), sequence);
    if (stored.isPresent()) {
      return new AppendResult.Replayed(stored.get());
    }
    return storeOrReplay(Message.fromDraft(draft, sequence));
  }

  /** Stores a claimed post's message unless another append of the post stored it first. */
  private AppendResult storeOrReplay(Message message) {
    try {
      put("store message", MessageItems.item(message, clock.millis()), ABSENT);
      return appended(message);
    } catch (ConditionalCheckFailedException storedFirst) {
      return new AppendResult.Replayed(
          messageAt(message.roomId(), message.sequence())
              .orElseThrow(() -> new IllegalStateException("a stored message vanished")));
    }
  }

  private AppendResult appended(Message message) {
    if (message.parentId() != null) {
      countReply(message.roomId(), message.parentId(), message.sequence());
    }
    return new AppendResult.Appended(message);
  }

  /** Fills a sequence this append took but will not use, so history need not wait for it. */
  private void markGap(RoomId roomId, long sequence) {
    try {
      put("mark gap", MessageItems.gap(roomId, sequence, clock.millis()), null);
    } catch (RuntimeException e) {
      // Best effort: an unmarked gap is passed over once settled, like any failed write.
    }
  }

  private Optional<Message> messageAt(RoomId roomId, long sequence) {
    return queries
        .get("find message", Keys.room(roomId), Keys.message(sequence))
        .filter(item -> !MessageItems.isGap(item))
        .map(MessageItems::message);
  }

  private static Map<String, AttributeValue> pointer(
      RoomId roomId, MessageId messageId, long sequence) {
    Map<String, AttributeValue> pointer = key(Keys.room(roomId), Keys.messageId(messageId));
    pointer.put("seq", n(sequence));
    return pointer;
  }

  private long nextSequence(RoomId roomId, Instant createdAt) {
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
                                // The room's last activity rides on the counter's write: no
                                // extra item, no extra write unit.
                                .updateExpression("ADD n :one SET #at = :at")
                                .expressionAttributeNames(Map.of("#at", ACTIVITY))
                                .expressionAttributeValues(
                                    Map.of(":one", n(1), ":at", n(createdAt.toEpochMilli())))
                                .returnValues(ReturnValue.UPDATED_NEW))
                    .attributes());
    return num(updated, "n", 0);
  }

  /**
   * Counts the reply on its root and files the root under the room's threads ({@code gsi1}, keyed
   * by this reply's sequence) in the same UpdateItem.
   */
  private void countReply(RoomId roomId, MessageId parentId, long replySequence) {
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
                              .updateExpression(
                                  "ADD replyCount :one SET gsi1pk = :threads, gsi1sk = :last")
                              .conditionExpression("attribute_exists(pk)")
                              .expressionAttributeValues(
                                  Map.of(
                                      ":one",
                                      n(1),
                                      ":threads",
                                      s(Keys.roomThreads(roomId)),
                                      ":last",
                                      s(Keys.message(replySequence))))));
    } catch (ConditionalCheckFailedException parentGone) {
      // The parent's write failed after its sequence was taken: nothing to count on.
    }
  }

  private Optional<Long> sequenceOf(RoomId roomId, MessageId messageId) {
    return queries
        .get("find message id", Keys.room(roomId), Keys.messageId(messageId))
        .map(item -> num(item, "seq", 0));
  }

  /** A PutItem, on {@code condition} unless it is null. */
  private void put(String what, Map<String, AttributeValue> item, String condition) {
    store.call(
        what,
        () ->
            store
                .client()
                .putItem(
                    b -> {
                      b.tableName(store.table()).item(item);
                      if (condition != null) {
                        b.conditionExpression(condition)
                            .returnValuesOnConditionCheckFailure(
                                ReturnValuesOnConditionCheckFailure.ALL_OLD);
                      }
                    }));
  }
}

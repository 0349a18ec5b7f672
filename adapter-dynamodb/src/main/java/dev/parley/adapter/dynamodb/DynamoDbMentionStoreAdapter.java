package dev.parley.adapter.dynamodb;

import static dev.parley.adapter.dynamodb.Items.key;

import dev.parley.application.port.out.MentionStorePort;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Mentions as key-only items in the room's partition, {@code ROOM#r / MENTION#u/<sequence>}: a
 * member's mentions after their read marker are one {@code Select=COUNT} Query over a sort-key
 * range. Puts and deletes of a message's mentions go in BatchWriteItem calls of 25 (DynamoDB's
 * limit), asking again for unprocessed items.
 */
@Singleton
public final class DynamoDbMentionStoreAdapter implements MentionStorePort {
  private static final int MAX_BATCH_WRITE_ITEMS = 25;

  private final DynamoDbStore store;
  private final Queries queries;

  @Inject
  public DynamoDbMentionStoreAdapter(DynamoDbStore store) {
    this.store = store;
    this.queries = new Queries(store);
  }

  @Override
  public void add(RoomId roomId, long sequence, Collection<UserId> users) {
    List<WriteRequest> writes = new ArrayList<>(users.size());
    // A batch refuses the same key twice.
    for (UserId user : new LinkedHashSet<>(users)) {
      writes.add(
          WriteRequest.builder()
              .putRequest(
                  PutRequest.builder()
                      .item(key(Keys.room(roomId), Keys.mention(user, sequence)))
                      .build())
              .build());
    }
    write("add mentions", writes);
  }

  @Override
  public void remove(RoomId roomId, long sequence, Collection<UserId> users) {
    List<WriteRequest> writes = new ArrayList<>(users.size());
    // A batch refuses the same key twice.
    for (UserId user : new LinkedHashSet<>(users)) {
      writes.add(
          WriteRequest.builder()
              .deleteRequest(
                  DeleteRequest.builder()
                      .key(key(Keys.room(roomId), Keys.mention(user, sequence)))
                      .build())
              .build());
    }
    write("remove mentions", writes);
  }

  @Override
  public long countAfter(RoomId roomId, UserId user, long afterSequence) {
    if (afterSequence == Long.MAX_VALUE) {
      return 0;
    }
    return queries.countBetween(
        "count mentions",
        Keys.room(roomId),
        Keys.mention(user, afterSequence + 1),
        Keys.mention(user, Long.MAX_VALUE),
        null,
        Map.of(),
        Map.of());
  }

  private void write(String what, List<WriteRequest> writes) {
    for (int from = 0; from < writes.size(); from += MAX_BATCH_WRITE_ITEMS) {
      List<WriteRequest> pending =
          writes.subList(from, Math.min(writes.size(), from + MAX_BATCH_WRITE_ITEMS));
      while (!pending.isEmpty()) {
        Map<String, List<WriteRequest>> request = Map.of(store.table(), pending);
        BatchWriteItemResponse response =
            store.call(what, () -> store.client().batchWriteItem(b -> b.requestItems(request)));
        // Throttled writes come back as unprocessed items: send those again, only those.
        pending =
            response.hasUnprocessedItems()
                ? response.unprocessedItems().getOrDefault(store.table(), List.of())
                : List.of();
      }
    }
  }
}

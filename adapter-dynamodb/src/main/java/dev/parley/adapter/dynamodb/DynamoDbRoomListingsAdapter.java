package dev.parley.adapter.dynamodb;

import static dev.parley.adapter.dynamodb.Items.key;
import static dev.parley.adapter.dynamodb.Items.s;

import dev.parley.application.port.out.PinnedMessagesPort;
import dev.parley.application.port.out.ThreadListPort;
import dev.parley.domain.message.Message;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * A room's pinned messages and threads. Pins: a Query of the room's {@code PIN#<sequence>} markers,
 * newest first, then one BatchGetItem of their messages (a marker whose message is no longer pinned
 * is passed over). Threads: a Query of the sparse {@code gsi1} partition {@code THREADS#<room>},
 * where each reply files its root under the reply's sequence, then one BatchGetItem of the last
 * replies.
 */
@Singleton
public final class DynamoDbRoomListingsAdapter implements PinnedMessagesPort, ThreadListPort {
  private final DynamoDbStore store;
  private final Queries queries;

  @Inject
  public DynamoDbRoomListingsAdapter(DynamoDbStore store) {
    this.store = store;
    this.queries = new Queries(store);
  }

  @Override
  public List<Message> pinned(RoomId roomId, long beforeSequence, int limit) {
    List<Message> page = new ArrayList<>(Math.max(limit, 0));
    long below = beforeSequence;
    while (page.size() < limit && below > 1) {
      int wanted = limit - page.size();
      QueryRequest.Builder request =
          QueryRequest.builder()
              .tableName(store.table())
              .consistentRead(true)
              .scanIndexForward(false)
              .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
              .expressionAttributeValues(
                  Map.of(
                      ":pk", s(Keys.room(roomId)),
                      ":from", s(Keys.pin(0)),
                      ":to", s(Keys.pin(below - 1))));
      List<Map<String, AttributeValue>> markers = queries.all(request, wanted);
      if (markers.isEmpty()) {
        break;
      }
      List<Long> sequences = new ArrayList<>(markers.size());
      for (Map<String, AttributeValue> marker : markers) {
        sequences.add(Keys.sequenceOfPin(Items.str(marker, Items.SK)));
      }
      Map<Long, Message> messages = messagesAt(roomId, sequences);
      for (long sequence : sequences) {
        Message message = messages.get(sequence);
        if (message != null && message.pinned() && page.size() < limit) {
          page.add(message);
        }
      }
      below = sequences.get(sequences.size() - 1);
      if (markers.size() < wanted) {
        break;
      }
    }
    return List.copyOf(page);
  }

  @Override
  public List<ThreadEntry> threads(RoomId roomId, long beforeSequence, int limit) {
    if (limit <= 0 || beforeSequence <= 1) {
      return List.of();
    }
    QueryRequest.Builder request =
        QueryRequest.builder()
            .tableName(store.table())
            .indexName(DynamoDbTables.GSI1)
            .scanIndexForward(false)
            .keyConditionExpression("gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to")
            .expressionAttributeValues(
                Map.of(
                    ":pk", s(Keys.roomThreads(roomId)),
                    ":from", s(Keys.message(0)),
                    ":to", s(Keys.message(beforeSequence - 1))));
    List<Map<String, AttributeValue>> roots = queries.all(request, limit);
    List<Long> lastSequences = new ArrayList<>(roots.size());
    for (Map<String, AttributeValue> root : roots) {
      lastSequences.add(Keys.sequenceOf(Items.str(root, Items.GSI1_SK)));
    }
    Map<Long, Message> replies = messagesAt(roomId, lastSequences);
    List<ThreadEntry> threads = new ArrayList<>(roots.size());
    for (int i = 0; i < roots.size(); i++) {
      Message lastReply = replies.get(lastSequences.get(i));
      if (lastReply != null) {
        threads.add(new ThreadEntry(MessageItems.message(roots.get(i)), lastReply));
      }
    }
    return List.copyOf(threads);
  }

  private Map<Long, Message> messagesAt(RoomId roomId, List<Long> sequences) {
    List<Map<String, AttributeValue>> keys = new ArrayList<>(sequences.size());
    for (long sequence : sequences) {
      keys.add(key(Keys.room(roomId), Keys.message(sequence)));
    }
    Map<Long, Message> messages = new HashMap<>();
    for (Map<String, AttributeValue> item : queries.batchGet("messages by sequence", keys)) {
      if (!MessageItems.isGap(item)) {
        Message message = MessageItems.message(item);
        messages.put(message.sequence(), message);
      }
    }
    return messages;
  }
}

package dev.parley.adapter.dynamodb;

import static dev.parley.adapter.dynamodb.Items.s;

import dev.parley.application.port.out.RoomDirectoryPort;
import dev.parley.domain.room.Room;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The public room directory: one Query of the sparse {@code gsi1} partition {@code DIRECTORY}, in
 * which every public, unarchived room item files itself under its name's key and id (see {@link
 * DynamoDbRoomStoreAdapter#item}); a prefix is a sort-key range. Eventually consistent on AWS, like
 * every index read.
 */
@Singleton
public final class DynamoDbRoomDirectoryAdapter implements RoomDirectoryPort {
  // The highest code point: its UTF-8 form sorts after every character a name can hold.
  private static final String LAST = new String(Character.toChars(Character.MAX_CODE_POINT));

  private final DynamoDbStore store;
  private final Queries queries;

  @Inject
  public DynamoDbRoomDirectoryAdapter(DynamoDbStore store) {
    this.store = store;
    this.queries = new Queries(store);
  }

  @Override
  public List<Room> publicRooms(String keyPrefix, Position after, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    // \u0001 right after the last sort key is the smallest key beyond it: keys hold none. The
    // position's key starts with the prefix (the service checks), so the range stays inside it.
    String from =
        after == null ? keyPrefix : Keys.directorySort(after.key(), after.roomId()) + '\u0001';
    QueryRequest.Builder request =
        QueryRequest.builder()
            .tableName(store.table())
            .indexName(DynamoDbTables.GSI1)
            .keyConditionExpression("gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to")
            .expressionAttributeValues(
                Map.of(
                    ":pk", s(Keys.DIRECTORY),
                    ":from", s(from),
                    ":to", s(keyPrefix + LAST)));
    return queries.all(request, limit).stream().map(DynamoDbRoomStoreAdapter::room).toList();
  }
}

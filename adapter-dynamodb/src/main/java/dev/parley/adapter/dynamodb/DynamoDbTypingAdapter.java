package dev.parley.adapter.dynamodb;

import static dev.parley.adapter.dynamodb.Items.instant;
import static dev.parley.adapter.dynamodb.Items.instantOrNull;
import static dev.parley.adapter.dynamodb.Items.key;
import static dev.parley.adapter.dynamodb.Items.s;
import static dev.parley.adapter.dynamodb.Items.str;

import dev.parley.application.port.out.TypingPort;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Typing notices as one item per room and user ({@code ROOM#r / TYPING#u}) with a TTL. TTL deletes
 * late (typically within days), so every read filters on the stored expiry: a typer counts while
 * {@code now} is before it. Lists are sorted by user id in Java, independent of key byte order.
 */
@Singleton
public final class DynamoDbTypingAdapter implements TypingPort {
  /** A room's notices are read in one Query; more typers than this are not worth showing. */
  private static final int MAX_TYPERS_READ = 200;

  private final DynamoDbStore store;
  private final Queries queries;

  @Inject
  public DynamoDbTypingAdapter(DynamoDbStore store) {
    this.store = store;
    this.queries = new Queries(store);
  }

  @Override
  public List<UserId> startTyping(RoomId roomId, UserId userId, Instant expiresAt, Instant now) {
    Map<String, AttributeValue> item = key(Keys.room(roomId), Keys.typing(userId));
    item.put("userId", s(userId.value()));
    item.put("expiresAt", instant(expiresAt));
    item.put(Items.TTL, Items.ttl(expiresAt));
    store.call(
        "start typing", () -> store.client().putItem(b -> b.tableName(store.table()).item(item)));
    return typingAt(roomId, now);
  }

  @Override
  public List<UserId> stopTyping(RoomId roomId, UserId userId, Instant now) {
    store.call(
        "stop typing",
        () ->
            store
                .client()
                .deleteItem(
                    b ->
                        b.tableName(store.table())
                            .key(key(Keys.room(roomId), Keys.typing(userId)))));
    return typingAt(roomId, now);
  }

  private List<UserId> typingAt(RoomId roomId, Instant now) {
    return queries
        .pageAfter(null, Items.PK, Keys.room(roomId), Keys.TYPING, Keys.TYPING, MAX_TYPERS_READ)
        .stream()
        .filter(item -> now.isBefore(instantOrNull(item, "expiresAt")))
        .map(item -> UserId.of(str(item, "userId")))
        .sorted()
        .toList();
  }
}

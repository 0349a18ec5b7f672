package dev.parley.adapter.dynamodb;

import static dev.parley.adapter.dynamodb.Items.instant;
import static dev.parley.adapter.dynamodb.Items.instantOrNull;
import static dev.parley.adapter.dynamodb.Items.key;
import static dev.parley.adapter.dynamodb.Items.s;
import static dev.parley.adapter.dynamodb.Items.str;

import dev.parley.application.port.out.BanListPort;
import dev.parley.application.port.out.BanStorePort;
import dev.parley.domain.member.Ban;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Bans as one item per room and user ({@code ROOM#r / BAN#u}). Expired bans are kept (callers check
 * {@link Ban#activeAt}); no TTL, since a ban's history matters to moderators.
 */
@Singleton
public final class DynamoDbBanStoreAdapter implements BanStorePort, BanListPort {
  private final DynamoDbStore store;
  private final Queries queries;

  @Inject
  public DynamoDbBanStoreAdapter(DynamoDbStore store) {
    this.store = store;
    this.queries = new Queries(store);
  }

  @Override
  public Optional<Ban> find(RoomId roomId, UserId userId) {
    return queries
        .get("find ban", Keys.room(roomId), Keys.ban(userId))
        .map(item -> ban(roomId, userId, item));
  }

  private static Ban ban(RoomId roomId, UserId userId, Map<String, AttributeValue> item) {
    return new Ban(
        roomId,
        userId,
        UserId.of(str(item, "bannedBy")),
        instantOrNull(item, "bannedAt"),
        instantOrNull(item, "expiresAt"),
        str(item, "reason"));
  }

  /**
   * A Query of the room's {@code BAN#} items in user-id order; expired bans (kept for moderators'
   * history) are read and passed over.
   */
  @Override
  public List<Ban> bans(RoomId roomId, UserId afterUserId, Instant now, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    String after = afterUserId == null ? Keys.BAN : Keys.ban(afterUserId);
    QueryRequest.Builder request =
        QueryRequest.builder()
            .tableName(store.table())
            .consistentRead(true)
            .keyConditionExpression("pk = :pk AND sk BETWEEN :after AND :end")
            .expressionAttributeValues(
                Map.of(
                    ":pk", s(Keys.room(roomId)),
                    ":after", s(after + '\u0001'),
                    ":end", s(Keys.BAN + '\uffff')));
    List<Ban> bans = new ArrayList<>(Math.min(limit, 64));
    for (Map<String, AttributeValue> item :
        queries.all(request, limit, item -> active(item, now))) {
      if (active(item, now)) {
        bans.add(ban(roomId, UserId.of(Keys.idAfterPrefix(str(item, Items.SK))), item));
      }
    }
    return List.copyOf(bans);
  }

  private static boolean active(Map<String, AttributeValue> item, Instant now) {
    Instant expiresAt = instantOrNull(item, "expiresAt");
    return expiresAt == null || now.isBefore(expiresAt);
  }

  @Override
  public void save(Ban ban) {
    Map<String, AttributeValue> item = key(Keys.room(ban.roomId()), Keys.ban(ban.userId()));
    item.put("bannedBy", s(ban.bannedBy().value()));
    item.put("bannedAt", instant(ban.bannedAt()));
    if (ban.expiresAt() != null) {
      item.put("expiresAt", instant(ban.expiresAt()));
    }
    item.put("reason", s(ban.reason()));
    Items.guardSize(item);
    store.call(
        "save ban", () -> store.client().putItem(b -> b.tableName(store.table()).item(item)));
  }

  @Override
  public boolean remove(RoomId roomId, UserId userId) {
    return queries.deleteIfExists("remove ban", Keys.room(roomId), Keys.ban(userId));
  }
}

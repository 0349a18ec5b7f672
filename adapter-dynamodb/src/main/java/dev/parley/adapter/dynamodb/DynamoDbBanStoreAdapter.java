package dev.parley.adapter.dynamodb;

import static dev.parley.adapter.dynamodb.Items.instant;
import static dev.parley.adapter.dynamodb.Items.instantOrNull;
import static dev.parley.adapter.dynamodb.Items.key;
import static dev.parley.adapter.dynamodb.Items.s;
import static dev.parley.adapter.dynamodb.Items.str;

import dev.parley.application.port.out.BanStorePort;
import dev.parley.domain.member.Ban;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Bans as one item per room and user ({@code ROOM#r / BAN#u}). Expired bans are kept (callers check
 * {@link Ban#activeAt}); no TTL, since a ban's history matters to moderators.
 */
@Singleton
public final class DynamoDbBanStoreAdapter implements BanStorePort {
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
        .map(
            item ->
                new Ban(
                    roomId,
                    userId,
                    UserId.of(str(item, "bannedBy")),
                    instantOrNull(item, "bannedAt"),
                    instantOrNull(item, "expiresAt"),
                    str(item, "reason")));
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

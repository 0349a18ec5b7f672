package dev.parley.adapter.dynamodb;

import static dev.parley.adapter.dynamodb.Items.instant;
import static dev.parley.adapter.dynamodb.Items.instantOrNull;
import static dev.parley.adapter.dynamodb.Items.key;
import static dev.parley.adapter.dynamodb.Items.s;
import static dev.parley.adapter.dynamodb.Items.str;

import dev.parley.application.port.out.MemberListPort;
import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.application.port.out.OwnerStepDownPort;
import dev.parley.application.port.out.StepDown;
import dev.parley.domain.access.Role;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Memberships as one item per room and user ({@code ROOM#r / MEMBER#u}) that also carries the GSI
 * key {@code USER#u / ROOM#r}: a room's members are one Query on the table, a user's rooms one
 * Query on {@value DynamoDbTables#GSI1}, and one PutItem keeps both sides in step. The index is
 * eventually consistent on AWS (a join shows in "my rooms" within about a second). The guarded
 * writes of {@link OwnerStepDownPort} are transactions checked by {@link OwnerGuard}.
 */
@Singleton
public final class DynamoDbMembershipAdapter
    implements MembershipStorePort, MemberListPort, OwnerStepDownPort {
  private final DynamoDbStore store;
  private final Queries queries;
  private final OwnerGuard guard;

  @Inject
  public DynamoDbMembershipAdapter(DynamoDbStore store) {
    this.store = store;
    this.queries = new Queries(store);
    this.guard = new OwnerGuard(store, queries);
  }

  @Override
  public Optional<Membership> find(RoomId roomId, UserId userId) {
    return queries
        .get("find membership", Keys.room(roomId), Keys.member(userId))
        .map(DynamoDbMembershipAdapter::membership);
  }

  @Override
  public void save(Membership membership) {
    Map<String, AttributeValue> item = item(membership);
    store.call(
        "save membership",
        () -> store.client().putItem(b -> b.tableName(store.table()).item(item)));
  }

  @Override
  public StepDown saveUnlessLastOwner(Membership membership) {
    Map<String, AttributeValue> item = item(membership);
    return guard.run(
        "save membership unless last owner",
        membership.roomId(),
        membership.userId(),
        membership.role() != Role.OWNER,
        (condition, names, values) ->
            TransactWriteItem.builder()
                .put(
                    Put.builder()
                        .tableName(store.table())
                        .item(item)
                        .conditionExpression(condition)
                        .expressionAttributeNames(names.isEmpty() ? null : names)
                        .expressionAttributeValues(values.isEmpty() ? null : values)
                        .build())
                .build());
  }

  @Override
  public StepDown removeUnlessLastOwner(RoomId roomId, UserId userId) {
    return guard.run(
        "remove membership unless last owner",
        roomId,
        userId,
        true,
        (condition, names, values) -> {
          if (values.isEmpty()) {
            // Nothing to remove: an absent membership is already where the caller wants it.
            return null;
          }
          return TransactWriteItem.builder()
              .delete(
                  Delete.builder()
                      .tableName(store.table())
                      .key(key(Keys.room(roomId), Keys.member(userId)))
                      .conditionExpression(condition)
                      .expressionAttributeNames(names)
                      .expressionAttributeValues(values)
                      .build())
              .build();
        });
  }

  private static Map<String, AttributeValue> item(Membership membership) {
    Map<String, AttributeValue> item =
        key(Keys.room(membership.roomId()), Keys.member(membership.userId()));
    item.put(Items.GSI1_PK, s(Keys.userRooms(membership.userId())));
    item.put(Items.GSI1_SK, s(Keys.roomSort(membership.roomId())));
    item.put("roomId", s(membership.roomId().value()));
    item.put("userId", s(membership.userId().value()));
    item.put("role", s(membership.role().name()));
    item.put("joinedAt", instant(membership.joinedAt()));
    if (membership.mutedUntil() != null) {
      item.put("mutedUntil", instant(membership.mutedUntil()));
    }
    return item;
  }

  @Override
  public boolean remove(RoomId roomId, UserId userId) {
    return queries.deleteIfExists("remove membership", Keys.room(roomId), Keys.member(userId));
  }

  @Override
  public List<Membership> members(RoomId roomId, UserId afterUserId, int limit) {
    String after = afterUserId == null ? Keys.MEMBER : Keys.member(afterUserId);
    return queries.pageAfter(null, Items.PK, Keys.room(roomId), Keys.MEMBER, after, limit).stream()
        .map(DynamoDbMembershipAdapter::membership)
        .toList();
  }

  @Override
  public List<Membership> roomsOf(UserId userId, RoomId afterRoomId, int limit) {
    String after = afterRoomId == null ? "ROOM#" : Keys.roomSort(afterRoomId);
    return queries
        .pageAfter(
            DynamoDbTables.GSI1, Items.GSI1_PK, Keys.userRooms(userId), "ROOM#", after, limit)
        .stream()
        .map(DynamoDbMembershipAdapter::membership)
        .toList();
  }

  @Override
  public long countWithRole(RoomId roomId, Role role) {
    return queries.count(
        "count members with role",
        Keys.room(roomId),
        Keys.MEMBER,
        "#role = :role",
        Map.of("#role", "role"),
        Map.of(":role", s(role.name())));
  }

  static Membership membership(Map<String, AttributeValue> item) {
    return new Membership(
        RoomId.of(str(item, "roomId")),
        UserId.of(str(item, "userId")),
        Role.valueOf(str(item, "role")),
        instantOrNull(item, "joinedAt"),
        instantOrNull(item, "mutedUntil"));
  }
}

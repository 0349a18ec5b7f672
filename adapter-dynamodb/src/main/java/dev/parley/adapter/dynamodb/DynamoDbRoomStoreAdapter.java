package dev.parley.adapter.dynamodb;

import static dev.parley.adapter.dynamodb.Items.bool;
import static dev.parley.adapter.dynamodb.Items.flag;
import static dev.parley.adapter.dynamodb.Items.instant;
import static dev.parley.adapter.dynamodb.Items.key;
import static dev.parley.adapter.dynamodb.Items.n;
import static dev.parley.adapter.dynamodb.Items.num;
import static dev.parley.adapter.dynamodb.Items.s;
import static dev.parley.adapter.dynamodb.Items.str;

import dev.parley.application.port.out.RoomDirectoryPort;
import dev.parley.application.port.out.RoomStorePort;
import dev.parley.domain.access.Action;
import dev.parley.domain.access.Role;
import dev.parley.domain.access.RolePermissions;
import dev.parley.domain.room.DirectKey;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.room.RoomSettings;
import dev.parley.domain.room.RoomType;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Rooms as one item each ({@code ROOM#id / META}). A direct room also owns a pair item ({@code
 * DIRECT#a/b / META}) written in the same transaction, conditioned on its absence: of concurrent
 * openings of one pair exactly one transaction succeeds.
 */
@Singleton
public final class DynamoDbRoomStoreAdapter implements RoomStorePort {
  private final DynamoDbStore store;

  @Inject
  public DynamoDbRoomStoreAdapter(DynamoDbStore store) {
    this.store = store;
  }

  @Override
  public Optional<Room> find(RoomId id) {
    Map<String, AttributeValue> item =
        store.call(
            "find room",
            () ->
                store
                    .client()
                    .getItem(
                        b ->
                            b.tableName(store.table())
                                .key(key(Keys.room(id), Keys.META))
                                .consistentRead(true))
                    .item());
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(room(item));
  }

  @Override
  public void save(Room room) {
    store.call(
        "save room",
        () -> store.client().putItem(b -> b.tableName(store.table()).item(item(room))));
  }

  @Override
  public Room saveDirectIfAbsent(Room direct) {
    if (direct.directKey() == null) {
      throw new IllegalArgumentException("not a direct room: " + direct.id());
    }
    Map<String, AttributeValue> pair = key(Keys.direct(direct.directKey()), Keys.META);
    pair.put("roomId", s(direct.id().value()));
    try {
      store.call(
          "open direct room",
          () ->
              store
                  .client()
                  .transactWriteItems(
                      b ->
                          b.transactItems(
                              TransactWriteItem.builder()
                                  .put(
                                      Put.builder()
                                          .tableName(store.table())
                                          .item(pair)
                                          .conditionExpression("attribute_not_exists(pk)")
                                          .build())
                                  .build(),
                              TransactWriteItem.builder()
                                  .put(
                                      Put.builder()
                                          .tableName(store.table())
                                          .item(item(direct))
                                          .build())
                                  .build())));
      return direct;
    } catch (TransactionCanceledException pairTaken) {
      return existing(direct.directKey()).orElseThrow(() -> pairTaken);
    }
  }

  private Optional<Room> existing(DirectKey key) {
    Map<String, AttributeValue> pair =
        store.call(
            "find direct room",
            () ->
                store
                    .client()
                    .getItem(
                        b ->
                            b.tableName(store.table())
                                .key(key(Keys.direct(key), Keys.META))
                                .consistentRead(true))
                    .item());
    if (pair == null || pair.isEmpty()) {
      return Optional.empty();
    }
    return find(RoomId.of(str(pair, "roomId")));
  }

  static Map<String, AttributeValue> item(Room room) {
    Map<String, AttributeValue> item = key(Keys.room(room.id()), Keys.META);
    item.put("name", s(room.name()));
    item.put("topic", s(room.topic()));
    item.put("type", s(room.type().name()));
    item.put("createdBy", s(room.createdBy().value()));
    item.put("createdAt", instant(room.createdAt()));
    item.put("archived", bool(room.archived()));
    if (room.type() == RoomType.PUBLIC && !room.archived()) {
      // Files the room in the directory's sparse index; a save without these leaves it.
      item.put(Items.GSI1_PK, s(Keys.DIRECTORY));
      item.put(Items.GSI1_SK, s(Keys.directorySort(RoomDirectoryPort.key(room.name()), room.id())));
    }
    RoomSettings settings = room.settings();
    item.put("maxMessageLength", n(settings.maxMessageLength()));
    item.put("slowModeSeconds", n(settings.slowModeSeconds()));
    item.put("presenceEvents", bool(settings.presenceEvents()));
    item.put("typingEvents", bool(settings.typingEvents()));
    Map<String, AttributeValue> overrides = new HashMap<>();
    room.permissions()
        .overrides()
        .forEach((action, role) -> overrides.put(action.name(), s(role.name())));
    item.put("permissions", AttributeValue.fromM(overrides));
    if (room.directKey() != null) {
      item.put("directFirst", s(room.directKey().first().value()));
      item.put("directSecond", s(room.directKey().second().value()));
    }
    return Items.guardSize(item);
  }

  static Room room(Map<String, AttributeValue> item) {
    EnumMap<Action, Role> overrides = new EnumMap<>(Action.class);
    AttributeValue permissions = item.get("permissions");
    if (permissions != null && permissions.hasM()) {
      permissions
          .m()
          .forEach((action, role) -> overrides.put(Action.valueOf(action), Role.valueOf(role.s())));
    }
    String first = str(item, "directFirst");
    return new Room(
        RoomId.of(Keys.idAfterPrefix(str(item, Items.PK))),
        str(item, "name"),
        str(item, "topic"),
        RoomType.valueOf(str(item, "type")),
        UserId.of(str(item, "createdBy")),
        Instant.parse(str(item, "createdAt")),
        flag(item, "archived"),
        new RoomSettings(
            (int) num(item, "maxMessageLength", RoomSettings.DEFAULT_MAX_MESSAGE_LENGTH),
            (int) num(item, "slowModeSeconds", 0),
            flag(item, "presenceEvents"),
            flag(item, "typingEvents")),
        RolePermissions.withOverrides(overrides),
        first == null
            ? null
            : new DirectKey(UserId.of(first), UserId.of(str(item, "directSecond"))));
  }
}

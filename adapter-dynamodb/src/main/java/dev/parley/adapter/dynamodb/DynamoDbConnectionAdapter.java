package dev.parley.adapter.dynamodb;

import static dev.parley.adapter.dynamodb.Items.instant;
import static dev.parley.adapter.dynamodb.Items.instantOrNull;
import static dev.parley.adapter.dynamodb.Items.key;
import static dev.parley.adapter.dynamodb.Items.s;
import static dev.parley.adapter.dynamodb.Items.str;

import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.application.port.out.RoomSubscriptionPort;
import dev.parley.application.port.out.Subscriber;
import dev.parley.domain.presence.Connection;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Connections and their room subscriptions. A connection is one item ({@code CONN#id / CONN}) with
 * a TTL, the set of rooms it subscribed to, a generation and the GSI key {@code UCONN#user}; a
 * subscription is one item in the room's partition ({@code ROOM#r / SUB#connection}) carrying the
 * connection's generation. Subscribers are one Query plus one BatchGetItem of their connections;
 * expired connections (TTL deletes late), removed ones and subscriptions of an earlier generation
 * (left behind by a remove that failed half-way) are filtered out on read. A connection is alive up
 * to and including its expiry instant, as in {@link Connection#aliveAt}.
 */
@Singleton
public final class DynamoDbConnectionAdapter
    implements ConnectionRegistryPort, RoomSubscriptionPort {
  private static final String CONNECTION = "CONN";

  /** Subscribers read per room in one call; a room with more live sockets needs fan-out anyway. */
  private static final int MAX_SUBSCRIBERS_READ = 10_000;

  private final DynamoDbStore store;
  private final Queries queries;

  @Inject
  public DynamoDbConnectionAdapter(DynamoDbStore store) {
    this.store = store;
    this.queries = new Queries(store);
  }

  @Override
  public void register(Connection connection, Instant expiresAt) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":user", s(connection.userId().value()));
    values.put(":connectedAt", instant(connection.connectedAt()));
    values.put(":heartbeat", instant(connection.lastHeartbeat()));
    values.put(":activity", instant(connection.lastActivity()));
    values.put(":expiresAt", instant(expiresAt));
    values.put(":ttl", Items.ttl(expiresAt));
    values.put(":gsi1pk", s(Keys.userConnections(connection.userId())));
    values.put(":gsi1sk", s(Keys.connectionSort(connection.id())));
    values.put(":gen", s(UUID.randomUUID().toString()));
    // UpdateItem, not PutItem: a refresh keeps the generation and the subscribed rooms.
    store.call(
        "register connection",
        () ->
            store
                .client()
                .updateItem(
                    b ->
                        b.tableName(store.table())
                            .key(key(Keys.connection(connection.id()), CONNECTION))
                            .updateExpression(
                                "SET userId = :user, connectedAt = :connectedAt, lastHeartbeat = :heartbeat,"
                                    + " lastActivity = :activity, expiresAt = :expiresAt, #ttl = :ttl,"
                                    + " gsi1pk = :gsi1pk, gsi1sk = :gsi1sk, gen = if_not_exists(gen, :gen)")
                            .expressionAttributeNames(Map.of("#ttl", Items.TTL))
                            .expressionAttributeValues(values)));
  }

  @Override
  public Optional<Connection> find(ConnectionId id, Instant now) {
    return queries
        .get("find connection", Keys.connection(id), CONNECTION)
        .filter(item -> aliveAt(item, now))
        .map(DynamoDbConnectionAdapter::connection);
  }

  @Override
  public Optional<Connection> remove(ConnectionId id) {
    Map<String, AttributeValue> old =
        store.call(
            "remove connection",
            () ->
                store
                    .client()
                    .deleteItem(
                        b ->
                            b.tableName(store.table())
                                .key(key(Keys.connection(id), CONNECTION))
                                .returnValues(ReturnValue.ALL_OLD))
                    .attributes());
    if (old == null || old.isEmpty()) {
      return Optional.empty();
    }
    AttributeValue rooms = old.get("rooms");
    if (rooms != null && rooms.hasSs()) {
      for (String room : rooms.ss()) {
        deleteSubscription(room, id);
      }
    }
    return Optional.of(connection(old));
  }

  @Override
  public List<Connection> byUser(UserId userId, Instant now) {
    return queries
        .pageAfter(
            DynamoDbTables.GSI1,
            Items.GSI1_PK,
            Keys.userConnections(userId),
            Keys.CONNECTION,
            Keys.CONNECTION,
            Integer.MAX_VALUE)
        .stream()
        .filter(item -> aliveAt(item, now) && userId.value().equals(str(item, "userId")))
        .map(DynamoDbConnectionAdapter::connection)
        .toList();
  }

  @Override
  public void subscribe(RoomId roomId, ConnectionId connectionId, UserId userId) {
    Map<String, AttributeValue> connection;
    try {
      connection =
          store.call(
              "subscribe",
              () ->
                  store
                      .client()
                      .updateItem(
                          b ->
                              b.tableName(store.table())
                                  .key(key(Keys.connection(connectionId), CONNECTION))
                                  .updateExpression("ADD rooms :room")
                                  .conditionExpression("attribute_exists(pk)")
                                  .expressionAttributeValues(
                                      Map.of(
                                          ":room",
                                          AttributeValue.fromSs(List.of(Keys.room(roomId)))))
                                  .returnValues(ReturnValue.ALL_NEW))
                      .attributes());
    } catch (ConditionalCheckFailedException notRegistered) {
      return; // Only registered connections subscribe; a vanished one has nothing to receive.
    }
    Map<String, AttributeValue> item = key(Keys.room(roomId), Keys.subscription(connectionId));
    item.put("connectionId", s(connectionId.value()));
    item.put("userId", s(userId.value()));
    item.put("gen", connection.get("gen"));
    store.call(
        "subscribe", () -> store.client().putItem(b -> b.tableName(store.table()).item(item)));
  }

  @Override
  public void unsubscribe(RoomId roomId, ConnectionId connectionId) {
    deleteSubscription(Keys.room(roomId), connectionId);
    forgetRoom(roomId, connectionId);
  }

  @Override
  public List<Subscriber> subscribers(RoomId roomId, Instant now) {
    List<Map<String, AttributeValue>> subscriptions =
        queries.pageAfter(
            null,
            Items.PK,
            Keys.room(roomId),
            Keys.SUBSCRIPTION,
            Keys.SUBSCRIPTION,
            MAX_SUBSCRIBERS_READ);
    if (subscriptions.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, AttributeValue>> connections = new HashMap<>();
    for (Map<String, AttributeValue> item :
        queries.batchGet(
            "read subscribed connections",
            subscriptions.stream()
                .map(
                    sub ->
                        key(Keys.connection(ConnectionId.of(str(sub, "connectionId"))), CONNECTION))
                .toList())) {
      connections.put(str(item, Items.PK), item);
    }
    List<Subscriber> alive = new ArrayList<>(subscriptions.size());
    for (Map<String, AttributeValue> sub : subscriptions) {
      ConnectionId id = ConnectionId.of(str(sub, "connectionId"));
      Map<String, AttributeValue> connection = connections.get(Keys.connection(id));
      if (connection != null
          && aliveAt(connection, now)
          && str(connection, "gen").equals(str(sub, "gen"))) {
        alive.add(new Subscriber(id, UserId.of(str(sub, "userId"))));
      }
    }
    return List.copyOf(alive);
  }

  @Override
  public List<ConnectionId> unsubscribeUser(RoomId roomId, UserId userId) {
    List<ConnectionId> removed = new ArrayList<>();
    for (Map<String, AttributeValue> sub :
        queries.pageAfter(
            null,
            Items.PK,
            Keys.room(roomId),
            Keys.SUBSCRIPTION,
            Keys.SUBSCRIPTION,
            MAX_SUBSCRIBERS_READ)) {
      if (!userId.value().equals(str(sub, "userId"))) {
        continue;
      }
      ConnectionId id = ConnectionId.of(str(sub, "connectionId"));
      if (queries.deleteIfExists("unsubscribe user", Keys.room(roomId), Keys.subscription(id))) {
        forgetRoom(roomId, id);
        removed.add(id);
      }
    }
    return List.copyOf(removed);
  }

  private void deleteSubscription(String roomKey, ConnectionId id) {
    store.call(
        "unsubscribe",
        () ->
            store
                .client()
                .deleteItem(
                    b -> b.tableName(store.table()).key(key(roomKey, Keys.subscription(id)))));
  }

  private void forgetRoom(RoomId roomId, ConnectionId id) {
    try {
      store.call(
          "unsubscribe",
          () ->
              store
                  .client()
                  .updateItem(
                      b ->
                          b.tableName(store.table())
                              .key(key(Keys.connection(id), CONNECTION))
                              .updateExpression("DELETE rooms :room")
                              .conditionExpression("attribute_exists(pk)")
                              .expressionAttributeValues(
                                  Map.of(
                                      ":room",
                                      AttributeValue.fromSs(List.of(Keys.room(roomId)))))));
    } catch (ConditionalCheckFailedException connectionGone) {
      // Nothing to forget: the connection and its room set are gone already.
    }
  }

  private static boolean aliveAt(Map<String, AttributeValue> item, Instant now) {
    Instant expiresAt = instantOrNull(item, "expiresAt");
    return expiresAt != null && !now.isAfter(expiresAt);
  }

  private static Connection connection(Map<String, AttributeValue> item) {
    return new Connection(
        ConnectionId.of(Keys.idAfterPrefix(str(item, Items.PK))),
        UserId.of(str(item, "userId")),
        instantOrNull(item, "connectedAt"),
        instantOrNull(item, "lastHeartbeat"),
        instantOrNull(item, "lastActivity"));
  }
}

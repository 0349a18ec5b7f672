package dev.parley.adapter.dynamodb;

import static dev.parley.adapter.dynamodb.Items.key;
import static dev.parley.adapter.dynamodb.Items.n;
import static dev.parley.adapter.dynamodb.Items.num;

import dev.parley.application.error.StoreUnavailableException;
import dev.parley.application.port.out.ReactionStorePort;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.reaction.Emoji;
import dev.parley.domain.reaction.Reaction;
import dev.parley.domain.reaction.ReactionOutcome;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A message's reactions as one item ({@code ROOM#r / RXN#message}): a list of emoji in first-use
 * order, each with its users in reaction order, and a version. A change reads the item, applies the
 * same rules as the in-memory adapter and writes it back conditioned on the version it read
 * (optimistic locking), so the distinct-emoji limit check and the write are atomic. Reading the
 * reactions of a page of messages is one BatchGetItem per 100 messages.
 */
@Singleton
public final class DynamoDbReactionStoreAdapter implements ReactionStorePort {
  /** Contention is per message; a few dozen rounds cover fifty simultaneous reactions. */
  private static final int MAX_ROUNDS = 200;

  private final DynamoDbStore store;
  private final Queries queries;

  @Inject
  public DynamoDbReactionStoreAdapter(DynamoDbStore store) {
    this.store = store;
    this.queries = new Queries(store);
  }

  @Override
  public ReactionOutcome add(RoomId roomId, MessageId messageId, Emoji emoji, UserId userId) {
    return update(
        roomId,
        messageId,
        reactions -> {
          LinkedHashSet<String> users = reactions.get(emoji.value());
          if (users == null) {
            if (reactions.size() >= Reaction.MAX_DISTINCT_PER_MESSAGE) {
              return ReactionOutcome.LIMIT_REACHED;
            }
            users = new LinkedHashSet<>();
            reactions.put(emoji.value(), users);
          }
          return users.add(userId.value()) ? ReactionOutcome.ADDED : ReactionOutcome.UNCHANGED;
        });
  }

  @Override
  public ReactionOutcome remove(RoomId roomId, MessageId messageId, Emoji emoji, UserId userId) {
    return update(
        roomId,
        messageId,
        reactions -> {
          LinkedHashSet<String> users = reactions.get(emoji.value());
          if (users == null || !users.remove(userId.value())) {
            return ReactionOutcome.UNCHANGED;
          }
          if (users.isEmpty()) {
            reactions.remove(emoji.value());
          }
          return ReactionOutcome.REMOVED;
        });
  }

  @Override
  public Map<MessageId, List<Reaction>> reactionsOf(
      RoomId roomId, Collection<MessageId> messageIds) {
    Map<MessageId, List<Reaction>> result = new HashMap<>();
    List<Map<String, AttributeValue>> keys =
        new LinkedHashSet<>(messageIds)
            .stream().map(id -> key(Keys.room(roomId), Keys.reactions(id))).toList();
    for (Map<String, AttributeValue> item : queries.batchGet("read reactions", keys)) {
      List<Reaction> reactions = new ArrayList<>();
      decode(item)
          .forEach(
              (emoji, users) ->
                  reactions.add(
                      new Reaction(Emoji.of(emoji), users.stream().map(UserId::of).toList())));
      if (!reactions.isEmpty()) {
        String sk = Items.str(item, Items.SK);
        result.put(MessageId.of(sk.substring(Keys.REACTIONS.length())), List.copyOf(reactions));
      }
    }
    return result;
  }

  private interface Change {
    ReactionOutcome apply(LinkedHashMap<String, LinkedHashSet<String>> reactions);
  }

  private ReactionOutcome update(RoomId roomId, MessageId messageId, Change change) {
    Map<String, AttributeValue> itemKey = key(Keys.room(roomId), Keys.reactions(messageId));
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Optional<Map<String, AttributeValue>> current =
          queries.get("read reactions", Keys.room(roomId), Keys.reactions(messageId));
      long version = current.map(item -> num(item, "ver", 0)).orElse(0L);
      LinkedHashMap<String, LinkedHashSet<String>> reactions =
          current.map(DynamoDbReactionStoreAdapter::decode).orElseGet(LinkedHashMap::new);
      ReactionOutcome outcome = change.apply(reactions);
      if (!outcome.changed()) {
        return outcome;
      }
      Map<String, AttributeValue> item = new HashMap<>(itemKey);
      item.put("rx", encode(reactions));
      item.put("ver", n(version + 1));
      Items.guardSize(item);
      try {
        store.call(
            "write reactions",
            () ->
                store
                    .client()
                    .putItem(
                        b ->
                            b.tableName(store.table())
                                .item(item)
                                .conditionExpression(
                                    version == 0 ? "attribute_not_exists(pk)" : "ver = :ver")
                                .expressionAttributeValues(
                                    version == 0 ? null : Map.of(":ver", n(version)))));
        return outcome;
      } catch (ConditionalCheckFailedException concurrentChange) {
        backOff(round);
      }
    }
    throw new StoreUnavailableException(
        "reactions of " + messageId + " kept changing", Duration.ofMillis(200), null);
  }

  private static AttributeValue encode(LinkedHashMap<String, LinkedHashSet<String>> reactions) {
    List<AttributeValue> list = new ArrayList<>(reactions.size());
    reactions.forEach(
        (emoji, users) ->
            list.add(
                AttributeValue.fromM(
                    Map.of("e", Items.s(emoji), "u", Items.strings(List.copyOf(users))))));
    return AttributeValue.fromL(list);
  }

  private static LinkedHashMap<String, LinkedHashSet<String>> decode(
      Map<String, AttributeValue> item) {
    LinkedHashMap<String, LinkedHashSet<String>> reactions = new LinkedHashMap<>();
    AttributeValue list = item.get("rx");
    if (list != null && list.hasL()) {
      for (AttributeValue entry : list.l()) {
        reactions.put(
            entry.m().get("e").s(), new LinkedHashSet<>(Items.stringList(entry.m(), "u")));
      }
    }
    return reactions;
  }

  /**
   * Random backoff after losing an optimistic-lock race on a reaction item, so that writers racing
   * for the same message spread out instead of colliding again; at most 50 ms per round.
   */
  private static void backOff(int round) {
    long bound = Math.min(1L << Math.min(round, 6), 50);
    try {
      TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(bound + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted", Duration.ofSeconds(1), e);
    }
  }
}

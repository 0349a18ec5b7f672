package dev.parley.adapter.dynamodb;

import static dev.parley.adapter.dynamodb.Items.key;
import static dev.parley.adapter.dynamodb.Items.str;

import dev.parley.application.port.out.BlockCheckPort;
import dev.parley.application.port.out.BlockListPort;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Block lists as key-only items in the blocker's own partition, {@code BLOCKS#<blocker> /
 * BLOCK#<blocked>}: the list is one Query in sort-key order, and checking a page's authors is one
 * BatchGetItem of their keys.
 */
@Singleton
public final class DynamoDbBlockListAdapter implements BlockListPort, BlockCheckPort {
  private final DynamoDbStore store;
  private final Queries queries;

  @Inject
  public DynamoDbBlockListAdapter(DynamoDbStore store) {
    this.store = store;
    this.queries = new Queries(store);
  }

  @Override
  public void block(UserId blocker, UserId blocked) {
    Map<String, AttributeValue> item = key(Keys.blockList(blocker), Keys.block(blocked));
    store.call(
        "block user", () -> store.client().putItem(b -> b.tableName(store.table()).item(item)));
  }

  @Override
  public boolean unblock(UserId blocker, UserId blocked) {
    return queries.deleteIfExists("unblock user", Keys.blockList(blocker), Keys.block(blocked));
  }

  @Override
  public List<UserId> blockedBy(UserId blocker, UserId after, int limit) {
    String from = after == null ? Keys.BLOCK : Keys.block(after);
    List<UserId> page = new ArrayList<>();
    for (Map<String, AttributeValue> item :
        queries.pageAfter(null, Items.PK, Keys.blockList(blocker), Keys.BLOCK, from, limit)) {
      page.add(UserId.of(Keys.idAfterPrefix(str(item, Items.SK))));
    }
    return page;
  }

  @Override
  public Set<UserId> blockedAmong(UserId blocker, Collection<UserId> users) {
    if (users.isEmpty()) {
      return Set.of();
    }
    List<Map<String, AttributeValue>> keys = new ArrayList<>(users.size());
    // BatchGetItem refuses the same key twice.
    for (UserId user : new LinkedHashSet<>(users)) {
      keys.add(key(Keys.blockList(blocker), Keys.block(user)));
    }
    Set<UserId> blocked = new HashSet<>();
    for (Map<String, AttributeValue> item : queries.batchGet("check blocks", keys)) {
      blocked.add(UserId.of(Keys.idAfterPrefix(str(item, Items.SK))));
    }
    return blocked;
  }
}

package dev.parley.adapter.dynamodb;

import static dev.parley.adapter.dynamodb.Items.bool;
import static dev.parley.adapter.dynamodb.Items.flag;
import static dev.parley.adapter.dynamodb.Items.instant;
import static dev.parley.adapter.dynamodb.Items.instantOrNull;
import static dev.parley.adapter.dynamodb.Items.key;
import static dev.parley.adapter.dynamodb.Items.n;
import static dev.parley.adapter.dynamodb.Items.num;
import static dev.parley.adapter.dynamodb.Items.s;
import static dev.parley.adapter.dynamodb.Items.str;

import dev.parley.domain.message.ClientMessageId;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps messages to items ({@code ROOM#r / MSG#0000000000000000042}) and back. Replies also carry
 * the thread's GSI key, so a thread is one Query on the index; top-level messages do not, which
 * keeps the index sparse and their writes free of index cost. {@code wt} is the adapter's write
 * time, used only to tell an in-flight sequence from a failed one (see the history adapter).
 */
final class MessageItems {
  static final String WRITTEN_AT = "wt";

  /** Marks a {@link #gap} item; expressions name it through {@code #gap}. */
  static final String GAP = "gap";

  private MessageItems() {}

  static Map<String, AttributeValue> item(Message message, long writtenAtMillis) {
    Map<String, AttributeValue> item =
        key(Keys.room(message.roomId()), Keys.message(message.sequence()));
    item.put("id", s(message.id().value()));
    item.put("author", s(message.author().value()));
    if (message.body() != null) {
      item.put("body", s(message.body()));
    }
    if (message.parentId() != null) {
      item.put("parentId", s(message.parentId().value()));
      item.put(Items.GSI1_PK, s(Keys.thread(message.roomId(), message.parentId())));
      item.put(Items.GSI1_SK, s(Keys.message(message.sequence())));
    }
    item.put("replyCount", n(message.replyCount()));
    if (message.clientMessageId() != null) {
      item.put("cmid", s(message.clientMessageId().value()));
    }
    item.put("createdAt", instant(message.createdAt()));
    if (message.editedAt() != null) {
      item.put("editedAt", instant(message.editedAt()));
    }
    if (message.deletedAt() != null) {
      item.put("deletedAt", instant(message.deletedAt()));
    }
    item.put("pinned", bool(message.pinned()));
    item.put(WRITTEN_AT, n(writtenAtMillis));
    return Items.guardSize(item);
  }

  static Message message(Map<String, AttributeValue> item) {
    String parent = str(item, "parentId");
    String clientMessageId = str(item, "cmid");
    return new Message(
        MessageId.of(str(item, "id")),
        RoomId.of(Keys.idAfterPrefix(str(item, Items.PK))),
        Keys.sequenceOf(str(item, Items.SK)),
        UserId.of(str(item, "author")),
        str(item, "body"),
        parent == null ? null : MessageId.of(parent),
        (int) num(item, "replyCount", 0),
        clientMessageId == null ? null : ClientMessageId.of(clientMessageId),
        instantOrNull(item, "createdAt"),
        instantOrNull(item, "editedAt"),
        instantOrNull(item, "deletedAt"),
        flag(item, "pinned"));
  }

  /**
   * The item at a sequence an append took but did not use (it lost the race for its post's claim):
   * readers pass it at once instead of waiting for the hole to settle.
   */
  static Map<String, AttributeValue> gap(RoomId roomId, long sequence, long writtenAtMillis) {
    Map<String, AttributeValue> item = key(Keys.room(roomId), Keys.message(sequence));
    item.put(GAP, bool(true));
    item.put(WRITTEN_AT, n(writtenAtMillis));
    return item;
  }

  static boolean isGap(Map<String, AttributeValue> item) {
    return item.containsKey(GAP);
  }

  static long writtenAt(Map<String, AttributeValue> item) {
    return num(item, WRITTEN_AT, 0);
  }
}

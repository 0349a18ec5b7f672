package dev.parley.adapter.dynamodb;

import static dev.parley.adapter.dynamodb.Items.key;
import static dev.parley.adapter.dynamodb.Items.n;
import static dev.parley.testkit.fixture.MessageBuilder.aMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.parley.application.port.out.AppendResult;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.NewMessage;
import dev.parley.domain.room.RoomId;
import dev.parley.testkit.fixture.Ids;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The states a keyed post's writes can be left in that the contract suites cannot reach through the
 * port alone: a claim whose message was never written, and sequences marked as gaps.
 */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbKeyedPostTest {
  private final DynamoDbStore store = LocalDynamoDb.store();
  private final DynamoDbMessageStoreAdapter messages = new DynamoDbMessageStoreAdapter(store);
  private final DynamoDbMessageHistoryAdapter history = new DynamoDbMessageHistoryAdapter(store);

  @Test
  void aKeyedDraftWhoseIdIsNotDerivedIsRefused() {
    NewMessage keyed = aMessage().withClientMessageId("c-1").buildNew();
    NewMessage wrongId =
        new NewMessage(
            Ids.message(),
            keyed.roomId(),
            keyed.author(),
            keyed.body(),
            null,
            keyed.clientMessageId(),
            keyed.createdAt());

    assertThatIllegalArgumentException().isThrownBy(() -> messages.append(wrongId));
    assertThat(history.lastSequence(keyed.roomId())).as("nothing taken").isZero();
  }

  @Test
  void aRetryCompletesAPostWhoseMessageWasNeverWritten() {
    NewMessage post = aMessage().withClientMessageId("c-1").buildNew();
    RoomId room = post.roomId();
    // What a first attempt leaves when it dies between its claim and its message.
    takeSequences(room, 1);
    Map<String, AttributeValue> pointer = key(Keys.room(room), Keys.messageId(post.id()));
    pointer.put("seq", n(1));
    store.client().putItem(b -> b.tableName(store.table()).item(pointer));

    AppendResult retry = messages.append(post);

    assertThat(retry).isEqualTo(new AppendResult.Appended(Message.fromDraft(post, 1)));
    assertThat(messages.append(post)).isEqualTo(new AppendResult.Replayed(retry.message()));
    assertThat(history.after(room, 0, 10)).containsExactly(retry.message());
  }

  @Test
  void markedGapsArePassedAtOnceAndFillNoPage() {
    RoomId room = Ids.room();
    takeSequences(room, 2);
    for (long sequence = 1; sequence <= 2; sequence++) {
      long at = sequence;
      store
          .client()
          .putItem(
              b ->
                  b.tableName(store.table())
                      .item(MessageItems.gap(room, at, System.currentTimeMillis())));
    }
    Message third = messages.append(aMessage().inRoom(room).buildNew()).message();
    Message fourth = messages.append(aMessage().inRoom(room).buildNew()).message();

    assertThat(third.sequence()).isEqualTo(3);
    assertThat(history.after(room, 0, 1)).containsExactly(third);
    assertThat(history.after(room, 0, 5)).containsExactly(third, fourth);
    assertThat(history.before(room, 4, 5)).containsExactly(third);
    assertThat(history.countUnread(room, 0, Ids.user())).isEqualTo(2);
  }

  /** Advances the room's counter as {@code count} appends would. */
  private void takeSequences(RoomId room, int count) {
    store
        .client()
        .updateItem(
            b ->
                b.tableName(store.table())
                    .key(key(Keys.room(room), Keys.SEQUENCE))
                    .updateExpression("ADD n :count")
                    .expressionAttributeValues(Map.of(":count", n(count))));
  }
}

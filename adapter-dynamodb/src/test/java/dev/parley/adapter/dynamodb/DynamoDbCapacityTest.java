package dev.parley.adapter.dynamodb;

import static dev.parley.testkit.fixture.MessageBuilder.aMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.adapter.dynamodb.CapacityMeter.Usage;
import dev.parley.domain.message.NewMessage;
import dev.parley.domain.room.RoomId;
import dev.parley.testkit.fixture.Ids;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The consumed capacity (ReturnConsumedCapacity TOTAL, as DynamoDB Local reports it) of the hot use
 * cases, against the figures in docs/dynamodb-design.md. Each message body here is sized so the
 * message item is just under 1 KB, one write unit.
 */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbCapacityTest {
  /** With the item's other attributes, a body this long keeps the message item under 1 KB. */
  private static final String BODY_NEAR_1KB = "x".repeat(700);

  private final DynamoDbStore store = LocalDynamoDb.store();
  private final CapacityMeter meter = LocalDynamoDb.meter();
  private final DynamoDbMessageStoreAdapter messages = new DynamoDbMessageStoreAdapter(store);
  private final DynamoDbMessageHistoryAdapter history = new DynamoDbMessageHistoryAdapter(store);
  private final DynamoDbReadStateAdapter readState = new DynamoDbReadStateAdapter(store);

  @BeforeEach
  void resetMeter() {
    meter.reset();
  }

  @Test
  void postWithoutClientMessageIdIsThreeWritesOfOneUnit() {
    NewMessage post = aMessage().inRoom(Ids.room()).withText(BODY_NEAR_1KB).buildNew();

    messages.append(post);

    // Counter UpdateItem + message PutItem + id pointer PutItem.
    assertThat(meter.usage()).isEqualTo(new Usage(0, 3, 3));
  }

  @Test
  void postWithClientMessageIdIsAlsoThreeWritesOfOneUnit() {
    NewMessage post =
        aMessage().inRoom(Ids.room()).withText(BODY_NEAR_1KB).withClientMessageId("c-1").buildNew();

    messages.append(post);

    // GetItem of the pointer (absent: one strongly consistent read unit), counter UpdateItem,
    // pointer PutItem (the claim), message PutItem.
    assertThat(meter.usage()).isEqualTo(new Usage(1, 3, 4));
  }

  @Test
  void aRetryOfAStoredPostWritesNothing() {
    NewMessage post =
        aMessage().inRoom(Ids.room()).withText(BODY_NEAR_1KB).withClientMessageId("c-1").buildNew();
    messages.append(post);
    meter.reset();

    messages.append(post);

    // GetItem of the pointer, GetItem of the message; no write unit.
    assertThat(meter.usage()).isEqualTo(new Usage(2, 0, 2));
  }

  @Test
  void historyPageOfFiftyIsOneQuery() {
    RoomId room = Ids.room();
    for (int i = 0; i < 60; i++) {
      messages.append(aMessage().inRoom(room).withText(BODY_NEAR_1KB).buildNew());
    }
    meter.reset();

    assertThat(history.before(room, Long.MAX_VALUE, 50)).hasSize(50);

    Usage usage = meter.usage();
    assertThat(usage.calls()).isEqualTo(1);
    assertThat(usage.writeUnits()).isZero();
    // Strongly consistent: 1 unit per 4 KB of items read (50 items under 1 KB each).
    assertThat(usage.readUnits()).isBetween(10.0, 13.0);
  }

  @Test
  void markReadIsOneWriteUnit() {
    RoomId room = Ids.room();

    readState.advance(room, Ids.user(), 42);

    assertThat(meter.usage()).isEqualTo(new Usage(0, 1, 1));
  }
}

package dev.parley.adapter.inmemory;

import static dev.parley.testkit.fixture.MessageBuilder.aMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.application.port.out.AppendResult;
import dev.parley.application.port.out.MessageStorePort;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.room.RoomId;
import dev.parley.testkit.contract.MessageStorePortContract;
import dev.parley.testkit.fixture.Ids;
import org.junit.jupiter.api.Test;

class InMemoryMessageStoreAdapterTest extends MessageStorePortContract {
  private final InMemoryMessageStoreAdapter adapter = new InMemoryMessageStoreAdapter();

  @Override
  protected MessageStorePort messages() {
    return adapter;
  }

  @Test
  void replyToAnUnknownParentIsStoredAndListedUnderThatParent() {
    RoomId room = Ids.room();
    MessageId missing = Ids.message();

    AppendResult result = adapter.append(aMessage().inRoom(room).inReplyTo(missing).buildNew());

    assertThat(result).isInstanceOf(AppendResult.Appended.class);
    assertThat(adapter.replies(room, missing, 0, 10)).containsExactly(result.message());
  }

  @Test
  void reusingAMessageIdInTheSameRoomIsRefused() {
    RoomId room = Ids.room();
    Message first = adapter.append(aMessage().inRoom(room).buildNew()).message();

    assertThatThrownBy(() -> adapter.append(aMessage().inRoom(room).withId(first.id()).buildNew()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(adapter.lastSequence(room)).isEqualTo(1);
  }

  @Test
  void negativeLimitsAreRefused() {
    RoomId room = Ids.room();

    assertThatThrownBy(() -> adapter.after(room, 0, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> adapter.before(room, Long.MAX_VALUE, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pagesBelowTheFirstSequenceAreEmpty() {
    RoomId room = Ids.room();
    adapter.append(aMessage().inRoom(room).buildNew());

    assertThat(adapter.before(room, 0, 10)).isEmpty();
    assertThat(adapter.before(room, Long.MIN_VALUE, 10)).isEmpty();
    assertThat(adapter.after(room, Long.MIN_VALUE, 10)).hasSize(1);
  }
}

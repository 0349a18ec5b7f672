package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.Drafts.appended;
import static dev.parley.testkit.contract.Drafts.draft;
import static dev.parley.testkit.contract.Instants.plusSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.MessageStorePort;
import dev.parley.application.port.out.PinnedMessagesPort;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageChange;
import dev.parley.domain.room.RoomId;
import dev.parley.testkit.fixture.Ids;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link PinnedMessagesPort}: pinned messages, newest first, by sequence. */
public abstract class PinnedMessagesPortContract {

  /** The port under test. */
  protected abstract PinnedMessagesPort pins();

  /** Writes the messages; the same store as {@link #pins()}. */
  protected abstract MessageStorePort messages();

  private List<Message> postMany(RoomId room, int count) {
    List<Message> posted = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      posted.add(appended(messages(), draft(room)));
    }
    return posted;
  }

  private void pin(Message message, boolean pinned) {
    messages().change(message.roomId(), message.id(), new MessageChange.Pin(pinned));
  }

  private static List<Long> sequences(List<Message> messages) {
    return messages.stream().map(Message::sequence).toList();
  }

  @Test
  public void aRoomWithoutPinsListsNone() {
    RoomId room = Ids.room();
    postMany(room, 3);

    assertThat(pins().pinned(room, Long.MAX_VALUE, 10)).isEmpty();
    assertThat(pins().pinned(Ids.room(), Long.MAX_VALUE, 10)).isEmpty();
  }

  @Test
  public void pinnedMessagesComeNewestFirstAndCarryTheirFlag() {
    RoomId room = Ids.room();
    List<Message> posted = postMany(room, 6);
    pin(posted.get(1), true);
    pin(posted.get(4), true);
    pin(posted.get(2), true);

    List<Message> pinned = pins().pinned(room, Long.MAX_VALUE, 10);

    assertThat(sequences(pinned)).containsExactly(5L, 3L, 2L);
    assertThat(pinned).allSatisfy(m -> assertThat(m.pinned()).isTrue());
    assertThat(pinned.get(0).body()).isEqualTo(posted.get(4).body());
  }

  @Test
  public void pagesGoBelowTheGivenSequence() {
    RoomId room = Ids.room();
    List<Message> posted = postMany(room, 8);
    for (Message message : posted) {
      if (message.sequence() % 2 == 0) {
        pin(message, true);
      }
    }

    assertThat(sequences(pins().pinned(room, Long.MAX_VALUE, 2))).containsExactly(8L, 6L);
    assertThat(sequences(pins().pinned(room, 6, 2))).containsExactly(4L, 2L);
    assertThat(sequences(pins().pinned(room, 2, 2))).isEmpty();
    assertThat(pins().pinned(room, Long.MAX_VALUE, 0)).isEmpty();
  }

  @Test
  public void unpinnedAndDeletedMessagesLeaveTheList() {
    RoomId room = Ids.room();
    List<Message> posted = postMany(room, 5);
    posted.forEach(m -> pin(m, true));

    pin(posted.get(1), false);
    messages().change(room, posted.get(3).id(), new MessageChange.Delete(plusSeconds(1)));

    assertThat(sequences(pins().pinned(room, Long.MAX_VALUE, 10))).containsExactly(5L, 3L, 1L);
    assertThat(sequences(pins().pinned(room, Long.MAX_VALUE, 2))).containsExactly(5L, 3L);
    assertThat(sequences(pins().pinned(room, 3, 2))).containsExactly(1L);
  }

  @Test
  public void aMessagePinnedAgainIsListedOnce() {
    RoomId room = Ids.room();
    Message message = postMany(room, 1).get(0);
    pin(message, true);
    pin(message, false);
    pin(message, true);

    assertThat(sequences(pins().pinned(room, Long.MAX_VALUE, 10))).containsExactly(1L);
  }

  @Test
  public void pinsArePerRoom() {
    RoomId room = Ids.room();
    RoomId other = Ids.room();
    pin(postMany(room, 1).get(0), true);
    postMany(other, 1);

    assertThat(pins().pinned(other, Long.MAX_VALUE, 10)).isEmpty();
  }
}

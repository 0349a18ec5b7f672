package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.Instants.T0;
import static dev.parley.testkit.fixture.MessageBuilder.aMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.MessageHistoryPort;
import dev.parley.application.port.out.MessageStorePort;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageBody;
import dev.parley.domain.message.MessageChange;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import dev.parley.testkit.fixture.Ids;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link MessageHistoryPort}: ascending pages on both sides of a sequence,
 * tombstones in place, thread replies, and no holes even while messages are being appended.
 */
public abstract class MessageHistoryPortContract {

  /** The history under test. */
  protected abstract MessageHistoryPort history();

  /** Writes the messages the history is read from; the same store as {@link #history()}. */
  protected abstract MessageStorePort messages();

  /** Appends {@code count} top-level messages to a fresh room and returns it. */
  private RoomId roomWithMessages(int count) {
    RoomId room = Ids.room();
    MessageStorePort store = messages();
    for (int i = 0; i < count; i++) {
      store.append(aMessage().inRoom(room).withText("message " + (i + 1)).buildNew());
    }
    return room;
  }

  private Message post(RoomId room, MessageId parent) {
    return messages().append(aMessage().inRoom(room).inReplyTo(parent).buildNew()).message();
  }

  private static List<Long> sequencesOf(List<Message> page) {
    return page.stream().map(Message::sequence).toList();
  }

  @Test
  public void roomWithoutMessagesHasNoHistory() {
    MessageHistoryPort history = history();
    RoomId room = Ids.room();

    assertThat(history.before(room, Long.MAX_VALUE, 50)).isEmpty();
    assertThat(history.after(room, 0, 50)).isEmpty();
    assertThat(history.replies(room, Ids.message(), 0, 50)).isEmpty();
  }

  @Test
  public void afterReturnsTheFirstMessagesAboveTheSequenceInAscendingOrder() {
    RoomId room = roomWithMessages(10);
    MessageHistoryPort history = history();

    assertThat(sequencesOf(history.after(room, 0, 3))).containsExactly(1L, 2L, 3L);
    assertThat(sequencesOf(history.after(room, 3, 3))).containsExactly(4L, 5L, 6L);
    assertThat(sequencesOf(history.after(room, 9, 3))).containsExactly(10L);
    assertThat(history.after(room, 10, 3)).isEmpty();
  }

  @Test
  public void beforeReturnsTheLastMessagesBelowTheSequenceInAscendingOrder() {
    RoomId room = roomWithMessages(10);
    MessageHistoryPort history = history();

    assertThat(sequencesOf(history.before(room, Long.MAX_VALUE, 3))).containsExactly(8L, 9L, 10L);
    assertThat(sequencesOf(history.before(room, 8, 3))).containsExactly(5L, 6L, 7L);
    assertThat(sequencesOf(history.before(room, 3, 5))).containsExactly(1L, 2L);
    assertThat(history.before(room, 1, 5)).isEmpty();
  }

  @Test
  public void pagesCarryTheStoredMessages() {
    RoomId room = roomWithMessages(2);
    MessageStorePort store = messages();

    List<Message> page = history().after(room, 0, 10);

    assertThat(page).extracting(Message::body).containsExactly("message 1", "message 2");
    assertThat(page).allSatisfy(m -> assertThat(store.find(room, m.id())).contains(m));
  }

  @Test
  public void exactlyAPageLeavesNothingBeyondIt() {
    RoomId room = roomWithMessages(5);
    MessageHistoryPort history = history();

    assertThat(sequencesOf(history.after(room, 0, 5))).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(history.after(room, 5, 5)).isEmpty();
    assertThat(sequencesOf(history.before(room, 6, 5))).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(history.before(room, 1, 5)).isEmpty();
  }

  @Test
  public void limitOfOneReturnsTheNearestMessage() {
    RoomId room = roomWithMessages(4);
    MessageHistoryPort history = history();

    assertThat(sequencesOf(history.before(room, Long.MAX_VALUE, 1))).containsExactly(4L);
    assertThat(sequencesOf(history.before(room, 3, 1))).containsExactly(2L);
    assertThat(sequencesOf(history.after(room, 0, 1))).containsExactly(1L);
    assertThat(sequencesOf(history.after(room, 2, 1))).containsExactly(3L);
  }

  @Test
  public void limitOfZeroGivesAnEmptyPage() {
    RoomId room = roomWithMessages(3);
    MessageId root = history().after(room, 0, 1).get(0).id();
    post(room, root);
    MessageHistoryPort history = history();

    assertThat(history.before(room, Long.MAX_VALUE, 0)).isEmpty();
    assertThat(history.after(room, 0, 0)).isEmpty();
    assertThat(history.replies(room, root, 0, 0)).isEmpty();
  }

  @Test
  public void historyOfOneRoomLeavesOtherRoomsOut() {
    RoomId room = roomWithMessages(2);
    roomWithMessages(3);

    assertThat(history().after(room, 0, 10))
        .hasSize(2)
        .allSatisfy(m -> assertThat(m.roomId()).isEqualTo(room));
  }

  @Test
  public void deletedMessagesStayAsTombstonesSoThereAreNoHoles() {
    RoomId room = roomWithMessages(3);
    MessageStorePort store = messages();
    Message middle = history().after(room, 1, 1).get(0);

    store.change(room, middle.id(), new MessageChange.Delete(T0.plusSeconds(1)));

    List<Message> page = history().before(room, Long.MAX_VALUE, 10);
    assertThat(sequencesOf(page)).containsExactly(1L, 2L, 3L);
    assertThat(page.get(1).deleted()).isTrue();
    assertThat(page.get(1).body()).isNull();
  }

  @Test
  public void historyShowsEditsAndPins() {
    RoomId room = roomWithMessages(1);
    MessageStorePort store = messages();
    Message message = history().after(room, 0, 1).get(0);

    store.change(
        room, message.id(), new MessageChange.Edit(MessageBody.of("edited"), T0.plusSeconds(1)));
    store.change(room, message.id(), new MessageChange.Pin(true));

    Message shown = history().before(room, Long.MAX_VALUE, 1).get(0);
    assertThat(shown.body()).isEqualTo("edited");
    assertThat(shown.pinned()).isTrue();
  }

  @Test
  public void repliesAreListedInSequenceOrderForTheirParentOnly() {
    RoomId room = roomWithMessages(2);
    List<Message> roots = history().after(room, 0, 2);
    MessageId a = roots.get(0).id();
    MessageId b = roots.get(1).id();
    Message a1 = post(room, a);
    post(room, b);
    Message a2 = post(room, a);
    Message a3 = post(room, a);

    List<Message> replies = history().replies(room, a, 0, 10);

    assertThat(replies).extracting(Message::id).containsExactly(a1.id(), a2.id(), a3.id());
    assertThat(replies).allSatisfy(reply -> assertThat(reply.parentId()).isEqualTo(a));
  }

  @Test
  public void repliesPageOnAfterSequence() {
    RoomId room = roomWithMessages(1);
    MessageId root = history().after(room, 0, 1).get(0).id();
    List<Message> posted = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      posted.add(post(room, root));
    }
    MessageHistoryPort history = history();

    List<Message> first = history.replies(room, root, 0, 2);
    List<Message> second = history.replies(room, root, first.get(1).sequence(), 2);
    List<Message> third = history.replies(room, root, second.get(1).sequence(), 2);

    assertThat(first).containsExactly(posted.get(0), posted.get(1));
    assertThat(second).containsExactly(posted.get(2), posted.get(3));
    assertThat(third).containsExactly(posted.get(4));
    assertThat(history.replies(room, root, posted.get(4).sequence(), 2)).isEmpty();
    assertThat(history.replies(room, root, 0, 1)).containsExactly(posted.get(0));
  }

  @Test
  public void repliesAreAlsoPartOfTheRoomHistory() {
    RoomId room = roomWithMessages(1);
    MessageId root = history().after(room, 0, 1).get(0).id();
    Message reply = post(room, root);

    assertThat(history().after(room, 1, 10)).containsExactly(reply);
  }

  @Test
  public void messageWithoutRepliesHasNone() {
    RoomId room = roomWithMessages(2);
    MessageId root = history().after(room, 0, 1).get(0).id();

    assertThat(history().replies(room, root, 0, 10)).isEmpty();
    assertThat(history().replies(room, Ids.message(), 0, 10)).isEmpty();
  }

  @Test
  public void racingRetriesOfOnePostLeaveExactlyOneMessageInHistoryAtOnce() {
    RoomId room = Ids.room();
    UserId author = Ids.user();
    MessageStorePort store = messages();

    // A losing retry may use up a sequence (MessageStorePort allows it); history must pass such a
    // gap at once and must not let it shorten a page.
    List<Message> racers =
        Concurrently.run(
            20,
            i ->
                store
                    .append(
                        aMessage()
                            .inRoom(room)
                            .withAuthor(author)
                            .withClientMessageId("retry-me")
                            .buildNew())
                    .message());
    Message posted = racers.get(0);
    Message next = store.append(aMessage().inRoom(room).buildNew()).message();

    assertThat(racers).containsOnly(posted);
    assertThat(history().after(room, 0, 10)).containsExactly(posted, next);
    assertThat(history().after(room, 0, 1)).containsExactly(posted);
    assertThat(history().before(room, Long.MAX_VALUE, 10)).containsExactly(posted, next);
    assertThat(history().before(room, Long.MAX_VALUE, 1)).containsExactly(next);
  }

  @Test
  public void readersFollowingConcurrentAppendsNeverSeeAHole() {
    RoomId room = Ids.room();
    MessageStorePort store = messages();
    MessageHistoryPort history = history();
    int writers = 4;
    int perWriter = 250;
    int total = writers * perWriter;

    List<Object> done =
        Concurrently.run(
            writers * 2,
            i -> {
              if (i < writers) {
                for (int n = 0; n < perWriter; n++) {
                  store.append(aMessage().inRoom(room).buildNew());
                }
                return "written";
              }
              long cursor = 0;
              while (cursor < total) {
                if (Thread.currentThread().isInterrupted()) {
                  throw new AssertionError("gave up at sequence " + cursor);
                }
                List<Message> page = history.after(room, cursor, 50);
                for (Message message : page) {
                  assertThat(message.sequence())
                      .as("sequence after %d", cursor)
                      .isEqualTo(cursor + 1);
                  cursor = message.sequence();
                }
                List<Message> latest = history.before(room, Long.MAX_VALUE, 20);
                for (int k = 1; k < latest.size(); k++) {
                  assertThat(latest.get(k).sequence()).isEqualTo(latest.get(k - 1).sequence() + 1);
                }
              }
              return cursor;
            });

    assertThat(done.subList(writers, writers * 2)).containsOnly((long) total);
  }
}

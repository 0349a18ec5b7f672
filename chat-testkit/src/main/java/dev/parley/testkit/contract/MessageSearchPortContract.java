package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.Instants.T0;
import static dev.parley.testkit.fixture.MessageBuilder.aMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.MessageSearchPort;
import dev.parley.application.port.out.MessageStorePort;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageBody;
import dev.parley.domain.message.MessageChange;
import dev.parley.domain.room.RoomId;
import dev.parley.testkit.fixture.Ids;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link MessageSearchPort} for stores with a search index (in memory, PostgreSQL):
 * whole words, all of them, any case, newest first, below a sequence, never deleted messages, never
 * another room's. A store without an index (DynamoDB) refuses instead; its own test says so.
 */
public abstract class MessageSearchPortContract {

  /** The search under test. */
  protected abstract MessageSearchPort search();

  /** Writes the messages searched; the same store as {@link #search()}. */
  protected abstract MessageStorePort messages();

  private Message post(RoomId room, String text) {
    return messages().append(aMessage().inRoom(room).withText(text).buildNew()).message();
  }

  private static List<Long> sequencesOf(List<Message> found) {
    return found.stream().map(Message::sequence).toList();
  }

  @Test
  public void findsMessagesWithEveryWordIgnoringCaseNewestFirst() {
    RoomId room = Ids.room();
    post(room, "The deploy is done");
    post(room, "lunch?");
    post(room, "Deploy failed, rolling back");
    post(room, "who broke the DEPLOY");

    assertThat(sequencesOf(search().search(room, "deploy", Long.MAX_VALUE, 10)))
        .containsExactly(4L, 3L, 1L);
    assertThat(sequencesOf(search().search(room, "deploy failed", Long.MAX_VALUE, 10)))
        .containsExactly(3L);
    assertThat(search().search(room, "deployment", Long.MAX_VALUE, 10)).isEmpty();
  }

  @Test
  public void pagesBelowASequenceUpToTheLimit() {
    RoomId room = Ids.room();
    for (int i = 1; i <= 7; i++) {
      post(room, "standup note " + i);
    }

    assertThat(sequencesOf(search().search(room, "standup", Long.MAX_VALUE, 3)))
        .containsExactly(7L, 6L, 5L);
    assertThat(sequencesOf(search().search(room, "standup", 5, 3))).containsExactly(4L, 3L, 2L);
    assertThat(sequencesOf(search().search(room, "standup", 2, 3))).containsExactly(1L);
    assertThat(search().search(room, "standup", 1, 3)).isEmpty();
  }

  @Test
  public void deletedMessagesNeverMatchAndEditsAreSearchedAsEdited() {
    RoomId room = Ids.room();
    Message deleted = post(room, "secret password");
    Message edited = post(room, "typo here");

    messages().change(room, deleted.id(), new MessageChange.Delete(T0.plusSeconds(1)));
    messages()
        .change(
            room,
            edited.id(),
            new MessageChange.Edit(MessageBody.of("secret fixed"), T0.plusSeconds(2)));

    assertThat(sequencesOf(search().search(room, "secret", Long.MAX_VALUE, 10)))
        .containsExactly(2L);
    assertThat(search().search(room, "password", Long.MAX_VALUE, 10)).isEmpty();
    assertThat(search().search(room, "typo", Long.MAX_VALUE, 10)).isEmpty();
  }

  @Test
  public void searchesOneRoomOnlyAndAnyScript() {
    RoomId room = Ids.room();
    RoomId other = Ids.room();
    post(other, "café meeting");
    post(room, "Réunion au café demain");
    post(room, "встреча завтра");

    List<Message> cafe = search().search(room, "CAFÉ", Long.MAX_VALUE, 10);
    assertThat(cafe).extracting(Message::roomId).containsOnly(room);
    assertThat(sequencesOf(cafe)).containsExactly(1L);
    assertThat(sequencesOf(search().search(room, "встреча", Long.MAX_VALUE, 10)))
        .containsExactly(2L);
    assertThat(search().search(Ids.room(), "café", Long.MAX_VALUE, 10)).isEmpty();
  }
}

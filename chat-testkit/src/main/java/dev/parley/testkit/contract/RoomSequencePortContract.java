package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.Instants.T0;
import static dev.parley.testkit.contract.Instants.plusSeconds;
import static dev.parley.testkit.fixture.MessageBuilder.aMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.parley.application.port.out.MessageStorePort;
import dev.parley.application.port.out.RoomSequencePort;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageBody;
import dev.parley.domain.message.MessageChange;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import dev.parley.testkit.fixture.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link RoomSequencePort}. Replies count as unread like any other message: they
 * take a room sequence like any other.
 */
public abstract class RoomSequencePortContract {

  /** The port under test. */
  protected abstract RoomSequencePort sequences();

  /** Writes the messages; the same store as {@link #sequences()}. */
  protected abstract MessageStorePort messages();

  private Message post(RoomId room, UserId author) {
    return messages().append(aMessage().inRoom(room).withAuthor(author).buildNew()).message();
  }

  @Test
  public void roomWithoutMessagesIsAtSequenceZero() {
    assertThat(sequences().lastSequence(Ids.room())).isZero();
  }

  @Test
  public void lastSequenceFollowsAppends() {
    RoomId room = Ids.room();
    post(room, Ids.user());
    post(room, Ids.user());
    post(room, Ids.user());

    assertThat(sequences().lastSequence(room)).isEqualTo(3);
  }

  @Test
  public void lastSequenceIsPerRoom() {
    RoomId busy = Ids.room();
    RoomId quiet = Ids.room();
    post(busy, Ids.user());
    post(busy, Ids.user());
    post(quiet, Ids.user());

    assertThat(sequences().lastSequence(busy)).isEqualTo(2);
    assertThat(sequences().lastSequence(quiet)).isEqualTo(1);
  }

  @Test
  public void replayDoesNotMoveTheLastSequence() {
    RoomId room = Ids.room();
    UserId author = Ids.user();
    for (int i = 0; i < 3; i++) {
      messages()
          .append(aMessage().inRoom(room).withAuthor(author).withClientMessageId("cm").buildNew());
    }

    assertThat(sequences().lastSequence(room)).isEqualTo(1);
  }

  @Test
  public void deletingTheLastMessageKeepsItsSequence() {
    RoomId room = Ids.room();
    post(room, Ids.user());
    Message last = post(room, Ids.user());

    messages().change(room, last.id(), new MessageChange.Delete(T0));

    assertThat(sequences().lastSequence(room)).isEqualTo(2);
  }

  @Test
  public void unreadCountsMessagesAfterTheMarker() {
    RoomId room = Ids.room();
    UserId other = Ids.user();
    for (int i = 0; i < 5; i++) {
      post(room, other);
    }
    UserId reader = Ids.user();

    assertThat(sequences().countUnread(room, 0, reader)).isEqualTo(5);
    assertThat(sequences().countUnread(room, 2, reader)).isEqualTo(3);
    assertThat(sequences().countUnread(room, 4, reader)).isEqualTo(1);
    assertThat(sequences().countUnread(room, 5, reader)).isZero();
  }

  @Test
  public void unreadSkipsTheReadersOwnMessages() {
    RoomId room = Ids.room();
    UserId reader = Ids.user();
    post(room, Ids.user());
    post(room, reader);
    post(room, Ids.user());
    post(room, reader);

    assertThat(sequences().countUnread(room, 0, reader)).isEqualTo(2);
  }

  @Test
  public void unreadSkipsDeletedMessages() {
    RoomId room = Ids.room();
    post(room, Ids.user());
    Message deleted = post(room, Ids.user());
    post(room, Ids.user());

    messages().change(room, deleted.id(), new MessageChange.Delete(T0));

    assertThat(sequences().countUnread(room, 0, Ids.user())).isEqualTo(2);
  }

  @Test
  public void unreadIncludesThreadReplies() {
    RoomId room = Ids.room();
    Message root = post(room, Ids.user());
    messages().append(aMessage().inRoom(room).inReplyTo(root.id()).buildNew());

    assertThat(sequences().countUnread(room, 1, Ids.user())).isEqualTo(1);
  }

  @Test
  public void unreadOfAnEmptyRoomIsZero() {
    assertThat(sequences().countUnread(Ids.room(), 0, Ids.user())).isZero();
  }

  @Test
  public void racingRetriesOfOnePostCountAsOneUnreadMessage() {
    RoomId room = Ids.room();
    UserId author = Ids.user();
    MessageStorePort store = messages();

    // Sequences a losing retry used up (MessageStorePort allows it) are not messages to read.
    Concurrently.run(
        20,
        i ->
            store.append(
                aMessage()
                    .inRoom(room)
                    .withAuthor(author)
                    .withClientMessageId("retry-me")
                    .buildNew()));

    assertThat(sequences().countUnread(room, 0, Ids.user())).isEqualTo(1);
    assertThat(sequences().countUnread(room, 0, author)).as("own posts are read").isZero();
  }

  @Test
  public void lastSequenceAfterConcurrentAppendsCountsEveryOne() {
    RoomId room = Ids.room();
    MessageStorePort store = messages();

    Concurrently.repeat(50, 20, i -> store.append(aMessage().inRoom(room).buildNew()));

    assertThat(sequences().lastSequence(room)).isEqualTo(1_000);
    assertThat(sequences().countUnread(room, 0, Ids.user())).isEqualTo(1_000);
  }

  private void postAt(RoomId room, long millis) {
    messages()
        .append(aMessage().inRoom(room).withCreatedAt(Instants.plusMillis(millis)).buildNew());
  }

  @Test
  public void lastActivityIsTheTimeOfEachRoomsLatestMessage() {
    RoomId early = Ids.room();
    RoomId late = Ids.room();
    postAt(early, 1_000);
    postAt(late, 2_000);
    postAt(early, 3_500);

    assertThat(sequences().lastActivity(List.of(early, late)))
        .containsOnly(
            entry(early, Instants.plusMillis(3_500)), entry(late, Instants.plusMillis(2_000)));
  }

  @Test
  public void roomsWithoutMessagesHaveNoActivity() {
    RoomId busy = Ids.room();
    postAt(busy, 10);

    assertThat(sequences().lastActivity(List.of(Ids.room(), busy, Ids.room())))
        .containsOnlyKeys(busy);
    assertThat(sequences().lastActivity(List.of())).isEmpty();
  }

  @Test
  public void repliesCountAsActivityButEditsDeletionsAndReplaysDoNot() {
    RoomId room = Ids.room();
    UserId author = Ids.user();
    Message root =
        messages()
            .append(
                aMessage()
                    .inRoom(room)
                    .withAuthor(author)
                    .withClientMessageId("once")
                    .withCreatedAt(Instants.plusSeconds(1))
                    .buildNew())
            .message();
    messages()
        .append(
            aMessage()
                .inRoom(room)
                .inReplyTo(root.id())
                .withCreatedAt(Instants.plusSeconds(2))
                .buildNew());

    messages().change(room, root.id(), new MessageChange.Edit(MessageBody.of("e"), plusSeconds(5)));
    messages().change(room, root.id(), new MessageChange.Delete(plusSeconds(6)));
    messages()
        .append(
            aMessage()
                .inRoom(room)
                .withAuthor(author)
                .withClientMessageId("once")
                .withCreatedAt(Instants.plusSeconds(7))
                .buildNew());

    assertThat(sequences().lastActivity(List.of(room))).containsEntry(room, plusSeconds(2));
  }

  @Test
  public void lastActivityAnswersForMoreRoomsThanOneBatch() {
    List<RoomId> rooms = new ArrayList<>();
    for (int i = 0; i < 130; i++) {
      RoomId room = Ids.room();
      rooms.add(room);
      if (i % 2 == 0) {
        postAt(room, i);
      }
    }

    Map<RoomId, Instant> activity = sequences().lastActivity(rooms);

    assertThat(activity).hasSize(65);
    assertThat(activity.get(rooms.get(128))).isEqualTo(Instants.plusMillis(128));
  }
}

package dev.parley.testkit.usecase;

import static dev.parley.testkit.usecase.UseCaseSteps.assertForbidden;
import static dev.parley.testkit.usecase.UseCaseSteps.assertNotFound;
import static dev.parley.testkit.usecase.UseCaseSteps.invalidFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.parley.application.port.in.Connected;
import dev.parley.application.port.in.OpenConnectionCommand;
import dev.parley.application.port.in.ReadMarker;
import dev.parley.application.port.in.UnreadCounts;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.message.Message;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Read markers and unread counts. */
class ReadStateTest {
  private final ChatScenario s = new ChatScenario();
  private final UseCaseSteps step = new UseCaseSteps(s);

  /** A public room of alice where bob is a member and has posted {@code count} messages. */
  private RoomId roomWithMessagesFromBob(int count) {
    RoomId room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.MEMBER);
    for (int i = 1; i <= count; i++) {
      s.post(s.bob, room, "message " + i);
    }
    return room;
  }

  @Test
  void unreadCountsLeaveOutTheReadersOwnAndDeletedMessages() {
    RoomId room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.MEMBER);
    s.member(s.alice, room, s.carol, Role.MEMBER);
    List<Message> bobs = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      bobs.add(s.posted(s.bob, room, "bob " + i));
    }
    s.post(s.alice, room, "alice");
    s.post(s.bob, room, "bob 4");
    step.delete(s.alice, room, bobs.get(1));

    assertThat(step.getRoom(s.alice, room).unreadCount()).isEqualTo(3);
    assertThat(step.getRoom(s.bob, room).unreadCount()).isEqualTo(1);
    assertThat(step.getRoom(s.carol, room).unreadCount()).isEqualTo(4);
    assertThat(step.getRoom(s.carol, room).lastSequence()).isEqualTo(5);
    assertThat(step.unreadCounts(s.alice).total()).isEqualTo(3);
    assertThat(step.markRead(s.carol, room, 2).unreadCount()).isEqualTo(3);
  }

  @Test
  void markReadMovesTheMarkerForwardAndNeverBack() {
    RoomId room = roomWithMessagesFromBob(5);

    ReadMarker forward = step.markRead(s.alice, room, 3);
    ReadMarker backward = step.markRead(s.alice, room, 1);

    assertThat(forward).isEqualTo(new ReadMarker(room, 3, 5, 2, 0));
    assertThat(backward).isEqualTo(new ReadMarker(room, 3, 5, 2, 0));
    assertThat(step.getRoom(s.alice, room).lastRead()).isEqualTo(3);
    assertThat(step.getRoom(s.alice, room).unreadCount()).isEqualTo(2);
  }

  @Test
  void markReadBeyondTheLastSequenceStopsAtTheLastMessage() {
    RoomId room = roomWithMessagesFromBob(5);

    ReadMarker marker = step.markRead(s.alice, room, 100);
    s.post(s.bob, room, "new");

    assertThat(marker).isEqualTo(new ReadMarker(room, 5, 5, 0, 0));
    assertThat(step.getRoom(s.alice, room).lastRead()).isEqualTo(5);
    assertThat(step.getRoom(s.alice, room).unreadCount()).isEqualTo(1);
  }

  @Test
  void markUnreadMovesTheMarkerBackSoThatMessageCountsAgain() {
    RoomId room = roomWithMessagesFromBob(5);
    step.markRead(s.alice, room, 5);

    ReadMarker marker = step.markUnread(s.alice, room, 3);

    assertThat(marker).isEqualTo(new ReadMarker(room, 2, 5, 3, 0));
    assertThat(step.getRoom(s.alice, room).unreadCount()).isEqualTo(3);
    assertThat(step.markUnread(s.alice, room, 1)).isEqualTo(new ReadMarker(room, 0, 5, 5, 0));
    assertThat(step.markRead(s.alice, room, 4).unreadCount()).isEqualTo(1);
  }

  @Test
  void markUnreadBeyondTheLastMessageIsInvalidAndChangesNothing() {
    RoomId room = roomWithMessagesFromBob(5);
    step.markRead(s.alice, room, 4);

    assertThat(invalidFields(() -> step.markUnread(s.alice, room, 6))).containsExactly("sequence");
    assertThat(invalidFields(() -> step.markUnread(s.alice, room, 0))).containsExactly("sequence");
    assertThat(invalidFields(() -> step.markRead(s.alice, room, -1))).containsExactly("sequence");
    assertThat(step.getRoom(s.alice, room).lastRead()).isEqualTo(4);
  }

  @Test
  void nonMemberCannotKeepReadStateInAPublicRoomNorSeeAPrivateOne() {
    RoomId open = roomWithMessagesFromBob(2);
    RoomId hidden = s.privateRoom(s.alice);
    s.post(s.alice, hidden, "secret");

    assertForbidden(() -> step.markRead(s.mallory, open, 1), DenialReason.NOT_A_MEMBER);
    assertForbidden(() -> step.markUnread(s.mallory, open, 1), DenialReason.NOT_A_MEMBER);
    assertNotFound(() -> step.markRead(s.mallory, hidden, 1));
    assertThat(step.unreadCounts(s.mallory).rooms()).isEmpty();
  }

  @Test
  void unreadCountsAreTotalledOverAllMyRooms() {
    RoomId first = roomWithMessagesFromBob(2);
    RoomId second = roomWithMessagesFromBob(3);
    RoomId quiet = roomWithMessagesFromBob(0);
    RoomId notMine = s.publicRoom(s.carol);
    s.post(s.carol, notMine, "alice is not here");
    step.markRead(s.alice, second, 1);

    UnreadCounts counts = step.unreadCounts(s.alice);

    assertThat(counts.rooms())
        .extracting(ReadMarker::roomId, ReadMarker::lastRead, ReadMarker::unreadCount)
        .containsExactlyInAnyOrder(
            tuple(first, 0L, 2L), tuple(second, 1L, 2L), tuple(quiet, 0L, 0L));
    assertThat(counts.total()).isEqualTo(4);
    assertThat(step.unreadCounts(s.bob).total()).isZero();
  }

  @Test
  void connectingAnswersWithTheUsersUnreadCounts() {
    RoomId room = roomWithMessagesFromBob(3);

    Connected connected =
        s.chat.openConnection().openConnection(new OpenConnectionCommand(s.alice, "alice-phone"));

    assertThat(connected.unread().total()).isEqualTo(3);
    assertThat(connected.unread().rooms())
        .singleElement()
        .satisfies(m -> assertThat(m.roomId()).isEqualTo(room));
  }

  @Test
  void subscribersSeeTheReadMarkerMoveOnlyWhenItActuallyMoves() {
    RoomId room = roomWithMessagesFromBob(5);
    ConnectionId alicesOtherDevice = s.listen(s.alice, room);
    ConnectionId bobs = s.listen(s.bob, room);

    step.markRead(s.alice, room, 3);
    step.markRead(s.alice, room, 3);
    step.markRead(s.alice, room, 2);
    step.markUnread(s.alice, room, 2);

    for (ConnectionId connection : List.of(alicesOtherDevice, bobs)) {
      assertThat(s.eventsFor(connection, ChatEvent.ReadMarkerMoved.class))
          .extracting(ChatEvent.ReadMarkerMoved::userId, ChatEvent.ReadMarkerMoved::lastRead)
          .containsExactly(tuple(s.alice, 3L), tuple(s.alice, 1L));
    }
  }

  @Test
  void readStateIsPerUser() {
    RoomId room = roomWithMessagesFromBob(4);
    UserId reader = s.carol;
    s.member(s.alice, room, reader, Role.MEMBER);

    step.markRead(s.alice, room, 4);

    assertThat(step.getRoom(reader, room).unreadCount()).isEqualTo(4);
    assertThat(step.getRoom(s.alice, room).unreadCount()).isZero();
  }
}

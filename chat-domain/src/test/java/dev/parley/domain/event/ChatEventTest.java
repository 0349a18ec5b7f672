package dev.parley.domain.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.access.Role;
import dev.parley.domain.message.ClientMessageId;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageBody;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.message.NewMessage;
import dev.parley.domain.presence.PresenceStatus;
import dev.parley.domain.reaction.Emoji;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.room.RoomSettings;
import dev.parley.domain.room.RoomType;
import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event names its room; events about a message carry that message's sequence. */
class ChatEventTest {
  private static final Instant AT = Instant.parse("2025-06-01T12:00:00Z");
  private static final RoomId ROOM = RoomId.of("general");
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");
  private static final long SEQUENCE = 42;
  private static final Message MESSAGE =
      Message.fromDraft(
          new NewMessage(
              MessageId.of("m42"),
              ROOM,
              ALICE,
              MessageBody.of("hello"),
              null,
              ClientMessageId.of("tx-1"),
              AT),
          SEQUENCE);

  static Stream<Arguments> events() {
    Room room = Room.open(ROOM, "General", "", RoomType.PUBLIC, ALICE, AT, RoomSettings.DEFAULTS);
    MessageId id = MESSAGE.id();
    return Stream.of(
        // events about a message: that message's sequence
        Arguments.of(new ChatEvent.MessagePosted(MESSAGE, AT), SEQUENCE),
        Arguments.of(new ChatEvent.MessageEdited(MESSAGE, AT), SEQUENCE),
        Arguments.of(new ChatEvent.MessageDeleted(ROOM, id, SEQUENCE, BOB, AT), SEQUENCE),
        Arguments.of(new ChatEvent.MessagePinned(MESSAGE, BOB, AT), SEQUENCE),
        Arguments.of(new ChatEvent.Mentioned(ROOM, id, SEQUENCE, BOB, ALICE, AT), SEQUENCE),
        Arguments.of(
            new ChatEvent.ReactionChanged(ROOM, id, SEQUENCE, Emoji.of("👍"), BOB, true, 3, AT),
            SEQUENCE),
        // the read marker is a position, not a place in the stream: 0
        Arguments.of(new ChatEvent.ReadMarkerMoved(ROOM, BOB, 17, AT), 0L),
        // events not about a message: 0
        Arguments.of(new ChatEvent.MemberJoined(ROOM, BOB, Role.MEMBER, ALICE, AT), 0L),
        Arguments.of(new ChatEvent.MemberLeft(ROOM, BOB, AT), 0L),
        Arguments.of(new ChatEvent.MemberKicked(ROOM, BOB, ALICE, AT), 0L),
        Arguments.of(new ChatEvent.MemberBanned(ROOM, BOB, ALICE, null, AT), 0L),
        Arguments.of(new ChatEvent.MemberUnbanned(ROOM, BOB, ALICE, AT), 0L),
        Arguments.of(new ChatEvent.MemberMuted(ROOM, BOB, ALICE, AT.plusSeconds(60), AT), 0L),
        Arguments.of(
            new ChatEvent.RoleChanged(ROOM, BOB, Role.MEMBER, Role.MODERATOR, ALICE, AT), 0L),
        Arguments.of(new ChatEvent.RoomUpdated(room, ALICE, AT), 0L),
        Arguments.of(new ChatEvent.RoomArchived(ROOM, ALICE, AT), 0L),
        Arguments.of(new ChatEvent.PresenceChanged(ROOM, BOB, PresenceStatus.AWAY, AT, AT), 0L),
        Arguments.of(new ChatEvent.TypingChanged(ROOM, List.of(ALICE, BOB), AT), 0L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("events")
  void eventNamesItsRoomTimeAndSequence(ChatEvent event, long expectedSequence) {
    assertThat(event.roomId()).isEqualTo(ROOM);
    assertThat(event.at()).isEqualTo(AT);
    assertThat(event.sequence()).isEqualTo(expectedSequence);
  }

  @Test
  void everyKindOfEventIsCovered() {
    List<Class<?>> covered =
        events().<Class<?>>map(arguments -> arguments.get()[0].getClass()).toList();
    assertThat(covered)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrder(ChatEvent.class.getPermittedSubclasses());
  }

  @Test
  void messageEventFollowsTheMessageItCarries() {
    Message elsewhere =
        Message.fromDraft(
            new NewMessage(
                MessageId.of("m7"),
                RoomId.of("random"),
                ALICE,
                MessageBody.of("hi"),
                null,
                null,
                AT),
            7);
    ChatEvent posted = new ChatEvent.MessagePosted(elsewhere, AT);
    assertThat(posted.roomId()).isEqualTo(RoomId.of("random"));
    assertThat(posted.sequence()).isEqualTo(7);
  }

  @Test
  void typingListIsASnapshot() {
    List<UserId> typers = new ArrayList<>(List.of(ALICE));
    ChatEvent.TypingChanged event = new ChatEvent.TypingChanged(ROOM, typers, AT);
    typers.add(BOB);
    assertThat(event.typers()).containsExactly(ALICE);
  }
}

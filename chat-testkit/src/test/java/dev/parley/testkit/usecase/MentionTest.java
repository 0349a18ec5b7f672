package dev.parley.testkit.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.parley.application.port.in.EditMessageCommand;
import dev.parley.application.port.in.ListMyRoomsQuery;
import dev.parley.application.port.in.RoomSummary;
import dev.parley.domain.access.Role;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.message.Message;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mentions: counted beside the unread count, told to the mentioned member, right after edits. */
class MentionTest {
  private final ChatScenario s = new ChatScenario();
  private final UseCaseSteps step = new UseCaseSteps(s);
  private RoomId room;

  @BeforeEach
  void roomOfAliceWithBobAndCarol() {
    room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.MEMBER);
    s.member(s.alice, room, s.carol, Role.MEMBER);
  }

  private long mentionsOf(UserId user) {
    return step.getRoom(user, room).mentionCount();
  }

  private Message edit(UserId who, Message message, String text) {
    return s.chat
        .editMessage()
        .editMessage(new EditMessageCommand(who, room.value(), message.id().value(), text))
        .message();
  }

  @Test
  void mentionedMemberGetsACountBesideTheUnreadCount() {
    s.post(s.bob, room, "hi @alice, and @carol.");
    s.post(s.bob, room, "no mention here");
    s.post(s.carol, room, "@alice again");

    RoomSummary alices = step.getRoom(s.alice, room);
    assertThat(alices.unreadCount()).isEqualTo(3);
    assertThat(alices.mentionCount()).isEqualTo(2);
    assertThat(mentionsOf(s.carol)).isEqualTo(1);
    assertThat(mentionsOf(s.bob)).isZero();
    assertThat(step.unreadCounts(s.alice).mentionTotal()).isEqualTo(2);
    assertThat(step.unreadCounts(s.alice).rooms())
        .extracting(m -> m.mentionCount())
        .containsExactly(2L);
  }

  @Test
  void myRoomsShowTheMentionCount() {
    s.post(s.bob, room, "@alice look");

    assertThat(s.chat.listMyRooms().listMyRooms(new ListMyRoomsQuery(s.alice, null, null)).items())
        .extracting(RoomSummary::mentionCount)
        .containsExactly(1L);
  }

  @Test
  void mentionedMemberHearsOfItOnEveryConnectionWithoutSubscribing() {
    ConnectionId phone = s.connect(s.alice);
    ConnectionId laptop = s.connect(s.alice);
    ConnectionId carols = s.listen(s.carol, room);

    Message message = s.posted(s.bob, room, "@alice see this");

    for (ConnectionId connection : List.of(phone, laptop)) {
      assertThat(s.eventsFor(connection, ChatEvent.Mentioned.class))
          .extracting(
              ChatEvent.Mentioned::roomId,
              ChatEvent.Mentioned::messageId,
              ChatEvent.Mentioned::sequence,
              ChatEvent.Mentioned::userId,
              ChatEvent.Mentioned::by)
          .containsExactly(tuple(room, message.id(), message.sequence(), s.alice, s.bob));
    }
    assertThat(s.eventsFor(carols, ChatEvent.Mentioned.class)).isEmpty();
  }

  @Test
  void nonMemberIsNeitherCountedNorTold() {
    ConnectionId mallorys = s.connect(s.mallory);

    s.post(s.bob, room, "@mallory is not here");
    s.member(s.alice, room, s.mallory, Role.MEMBER);

    assertThat(s.eventsFor(mallorys, ChatEvent.Mentioned.class)).isEmpty();
    assertThat(mentionsOf(s.mallory)).isZero();
  }

  @Test
  void mentioningOneselfCountsNothing() {
    ConnectionId bobs = s.connect(s.bob);

    s.post(s.bob, room, "note to @bob");

    assertThat(s.eventsFor(bobs, ChatEvent.Mentioned.class)).isEmpty();
    assertThat(mentionsOf(s.bob)).isZero();
  }

  @Test
  void emailAddressMentionsNobody() {
    s.post(s.bob, room, "mail alice@example.com");

    assertThat(mentionsOf(s.alice)).isZero();
  }

  @Test
  void markReadResetsTheMentionCountAndMarkUnreadBringsItBack() {
    Message first = s.posted(s.bob, room, "@alice one");
    s.post(s.bob, room, "@alice two");

    assertThat(step.markRead(s.alice, room, first.sequence()).mentionCount()).isEqualTo(1);
    assertThat(step.markRead(s.alice, room, 100).mentionCount()).isZero();
    assertThat(mentionsOf(s.alice)).isZero();
    assertThat(step.markUnread(s.alice, room, first.sequence()).mentionCount()).isEqualTo(2);
  }

  @Test
  void editingTheMentionAwayDropsTheCount() {
    Message message = s.posted(s.bob, room, "@alice and @carol");
    assertThat(mentionsOf(s.alice)).isEqualTo(1);

    edit(s.bob, message, "only @carol now");

    assertThat(mentionsOf(s.alice)).isZero();
    assertThat(mentionsOf(s.carol)).isEqualTo(1);
    assertThat(step.unreadCounts(s.alice).mentionTotal()).isZero();
  }

  @Test
  void editingAMentionInCountsItAndTellsOnlyTheNewlyMentioned() {
    ConnectionId alices = s.connect(s.alice);
    ConnectionId carols = s.connect(s.carol);
    Message message = s.posted(s.bob, room, "hello @carol");

    edit(s.bob, message, "hello @carol and @alice");
    edit(s.bob, message, "hello @carol and @alice!");

    assertThat(mentionsOf(s.alice)).isEqualTo(1);
    assertThat(mentionsOf(s.carol)).isEqualTo(1);
    assertThat(s.eventsFor(alices, ChatEvent.Mentioned.class)).hasSize(1);
    assertThat(s.eventsFor(carols, ChatEvent.Mentioned.class)).hasSize(1);
  }

  @Test
  void deletingTheMessageDropsItsMentions() {
    Message message = s.posted(s.bob, room, "@alice @carol");
    s.post(s.bob, room, "@alice still");

    step.delete(s.alice, room, message);

    assertThat(mentionsOf(s.alice)).isEqualTo(1);
    assertThat(mentionsOf(s.carol)).isZero();
  }
}

package dev.parley.testkit.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.application.config.ChatSettings;
import dev.parley.application.error.ErrorKind;
import dev.parley.application.error.NotFoundException;
import dev.parley.application.port.in.BanMemberCommand;
import dev.parley.application.port.in.Connected;
import dev.parley.application.port.in.HistoryPage;
import dev.parley.application.port.in.ListHistoryQuery;
import dev.parley.application.port.in.OpenConnectionCommand;
import dev.parley.application.port.in.Resume;
import dev.parley.application.port.in.RoomSubscription;
import dev.parley.application.port.in.SubscribeToRoomsCommand;
import dev.parley.application.port.in.SubscriptionOutcome;
import dev.parley.application.port.in.UnsubscribeFromRoomsCommand;
import dev.parley.application.port.out.EventDeliveryPort.DisconnectReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.RoomId;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SubscribeResumeTest {
  private final ChatScenario s = new ChatScenario(ChatSettings.withoutUserLimits());

  private List<SubscriptionOutcome> subscribe(ConnectionId c, RoomSubscription... rooms) {
    return s.chat
        .subscribeToRooms()
        .subscribeToRooms(new SubscribeToRoomsCommand(s.bob, c.value(), List.of(rooms)));
  }

  private static List<Long> sequences(Resume resume) {
    return resume.messages().stream().map(v -> v.message().sequence()).toList();
  }

  @Test
  void resumeReturnsExactlyWhatWasMissed() {
    RoomId room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.MEMBER);
    for (int i = 1; i <= 12; i++) {
      s.post(s.alice, room, "m" + i);
    }
    ConnectionId bob = s.connect(s.bob);

    SubscriptionOutcome outcome = subscribe(bob, new RoomSubscription(room.value(), 9L)).get(0);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            SubscriptionOutcome.Subscribed.class,
            ok -> {
              assertThat(sequences(ok.resume())).containsExactly(10L, 11L, 12L);
              assertThat(ok.resume().limited()).isFalse();
              assertThat(ok.resume().lastSequence()).isEqualTo(12);
            });
    s.post(s.alice, room, "m13");
    assertThat(s.eventsFor(bob, ChatEvent.MessagePosted.class))
        .extracting(ChatEvent::sequence)
        .containsExactly(13L);
  }

  @Test
  void missingMoreThanAPageGivesTheLatestPageALimitedFlagAndACursorForTheRest() {
    RoomId room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.MEMBER);
    for (int i = 1; i <= 250; i++) {
      s.post(s.alice, room, "m" + i);
    }
    ConnectionId bob = s.connect(s.bob);
    Resume resume =
        ((SubscriptionOutcome.Subscribed)
                subscribe(bob, new RoomSubscription(room.value(), 20L)).get(0))
            .resume();

    assertThat(resume.limited()).isTrue();
    assertThat(sequences(resume)).isEqualTo(LongStream.rangeClosed(151, 250).boxed().toList());
    HistoryPage backfill =
        s.chat
            .listHistory()
            .listHistory(
                new ListHistoryQuery(
                    s.bob, room.value(), null, null, null, resume.olderCursor(), 100));
    assertThat(backfill.messages().get(backfill.messages().size() - 1).message().sequence())
        .isEqualTo(150);
  }

  @Test
  void upToDateClientGetsNothing() {
    RoomId room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.MEMBER);
    s.post(s.alice, room, "only");
    ConnectionId bob = s.connect(s.bob);
    Resume resume =
        ((SubscriptionOutcome.Subscribed)
                subscribe(bob, new RoomSubscription(room.value(), 1L)).get(0))
            .resume();
    assertThat(resume.messages()).isEmpty();
    assertThat(resume.limited()).isFalse();
  }

  @Test
  void eachRoomOfASubscribeSucceedsOrFailsOnItsOwn() {
    RoomId open = s.publicRoom(s.alice);
    RoomId hidden = s.privateRoom(s.alice);
    ConnectionId bob = s.connect(s.bob);

    List<SubscriptionOutcome> outcomes =
        subscribe(
            bob,
            new RoomSubscription(open.value(), null),
            new RoomSubscription(hidden.value(), null),
            new RoomSubscription("never-existed", null));

    assertThat(outcomes.get(0)).isInstanceOf(SubscriptionOutcome.Subscribed.class);
    assertThat(outcomes.get(1))
        .isEqualTo(
            new SubscriptionOutcome.Refused(
                hidden, ErrorKind.NOT_FOUND, "room " + hidden.value() + " not found"));
    assertThat(outcomes.get(2)).isInstanceOf(SubscriptionOutcome.Refused.class);
    s.post(s.alice, hidden, "secret");
    assertThat(s.eventsFor(bob)).isEmpty();
  }

  @Test
  void subscribingSomeoneElsesConnectionIsNotFound() {
    RoomId room = s.publicRoom(s.alice);
    ConnectionId alices = s.connect(s.alice);
    assertThatThrownBy(() -> subscribe(alices, new RoomSubscription(room.value(), null)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void unsubscribedConnectionStopsReceiving() {
    RoomId room = s.publicRoom(s.alice);
    ConnectionId bob = s.connect(s.bob);
    subscribe(bob, new RoomSubscription(room.value(), null));
    s.chat
        .unsubscribeFromRooms()
        .unsubscribeFromRooms(
            new UnsubscribeFromRoomsCommand(s.bob, bob.value(), List.of(room.value())));
    s.post(s.alice, room, "unheard");
    assertThat(s.eventsFor(bob)).isEmpty();
  }

  @Test
  void bannedUsersSocketIsClosedAndCannotResubscribe() {
    RoomId room = s.privateRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.MEMBER);
    ConnectionId bob = s.listen(s.bob, room);
    ConnectionId bobsOtherRoomsOnly = s.connect(s.bob);

    s.chat
        .banMember()
        .banMember(new BanMemberCommand(s.alice, room.value(), s.bob.value(), null, "spam"));

    assertThat(s.chat.delivery().disconnects()).containsEntry(bob, DisconnectReason.BANNED);
    assertThat(s.chat.delivery().disconnects()).doesNotContainKey(bobsOtherRoomsOnly);
    assertThat(subscribe(bobsOtherRoomsOnly, new RoomSubscription(room.value(), null)).get(0))
        .isInstanceOf(SubscriptionOutcome.Refused.class);
    s.post(s.alice, room, "after the ban");
    assertThat(s.eventsFor(bob, ChatEvent.MessagePosted.class)).isEmpty();
  }

  @Test
  void connectAnswersWithUnreadCounts() {
    RoomId room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.MEMBER);
    s.post(s.alice, room, "one");
    s.post(s.alice, room, "two");
    s.post(s.bob, room, "my own does not count");

    Connected connected =
        s.chat.openConnection().openConnection(new OpenConnectionCommand(s.bob, "bob-phone"));

    assertThat(connected.unread().total()).isEqualTo(2);
    assertThat(connected.connection().userId()).isEqualTo(s.bob);
  }
}

package dev.parley.testkit.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.application.error.ForbiddenException;
import dev.parley.application.error.InvalidInputException;
import dev.parley.application.error.NotFoundException;
import dev.parley.application.error.RateLimitedException;
import dev.parley.application.error.Violation;
import dev.parley.application.port.in.PostMessageCommand;
import dev.parley.application.port.in.PostedMessage;
import dev.parley.application.port.in.RoomSettingsInput;
import dev.parley.application.port.in.UpdateRoomCommand;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.message.ClientMessageId;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.RoomId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PostMessageTest {
  private final ChatScenario s = new ChatScenario();

  private PostedMessage post(String room, String text, String clientId, String parent) {
    return s.chat
        .postMessage()
        .postMessage(new PostMessageCommand(s.alice, room, text, clientId, parent));
  }

  @Test
  void postsGetConsecutiveSequencesStartingAtOne() {
    RoomId room = s.publicRoom(s.alice);
    assertThat(s.posted(s.alice, room, "one").sequence()).isEqualTo(1);
    assertThat(s.posted(s.alice, room, "two").sequence()).isEqualTo(2);
    assertThat(s.posted(s.alice, room, "three").sequence()).isEqualTo(3);
  }

  @Test
  void repeatedClientMessageIdReturnsTheOriginalFlaggedAsReplay() {
    RoomId room = s.publicRoom(s.alice);
    PostedMessage first = post(room.value(), "hello", "c-1", null);
    PostedMessage again = post(room.value(), "hello (retry)", "c-1", null);

    assertThat(first.replay()).isFalse();
    assertThat(again.replay()).isTrue();
    assertThat(again.message().message()).isEqualTo(first.message().message());
    assertThat(s.posted(s.alice, room, "next").sequence()).isEqualTo(2);
  }

  @Test
  void aPostWithAClientMessageIdHasTheIdDerivedFromIt() {
    RoomId room = s.publicRoom(s.alice);

    PostedMessage keyed = post(room.value(), "hello", "c-1", null);
    PostedMessage plain = post(room.value(), "hello", null, null);

    assertThat(keyed.message().message().id())
        .isEqualTo(MessageId.forClientMessage(room, s.alice, ClientMessageId.of("c-1")));
    assertThat(plain.message().message().id()).isNotEqualTo(keyed.message().message().id());
  }

  @Test
  void replayIsNotBroadcastAgain() {
    RoomId room = s.publicRoom(s.alice);
    ConnectionId bob = joinAndListen(room);
    post(room.value(), "hello", "c-1", null);
    post(room.value(), "hello", "c-1", null);

    assertThat(s.eventsFor(bob, ChatEvent.MessagePosted.class)).hasSize(1);
  }

  @Test
  void subscribersReceiveThePostedEventWithItsSequence() {
    RoomId room = s.publicRoom(s.alice);
    ConnectionId bob = joinAndListen(room);
    ConnectionId elsewhere = s.connect(s.carol);
    Message message = s.posted(s.alice, room, "hi bob");

    assertThat(s.eventsFor(bob, ChatEvent.MessagePosted.class))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).isEqualTo(message))
        .satisfies(e -> assertThat(e.sequence()).isEqualTo(1));
    assertThat(s.eventsFor(elsewhere)).isEmpty();
  }

  @Test
  void everyViolationIsReportedTogether() {
    assertThatThrownBy(() -> post("bad/room", " \t ", "x".repeat(65), "also/bad"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("clientMessageId", "parentId", "roomId", "text"));
  }

  @Test
  void textOverTheRoomsLimitIsRejectedButExactlyTheLimitIsFine() {
    RoomId room = s.publicRoom(s.alice);
    s.chat
        .updateRoom()
        .updateRoom(
            new UpdateRoomCommand(
                s.alice,
                room.value(),
                null,
                null,
                new RoomSettingsInput(10, null, null, null),
                null));
    // Ten code points, two of them astral: ten is the limit.
    assertThat(s.posted(s.alice, room, "ab😀cdef😀gh").body()).isEqualTo("ab😀cdef😀gh");
    assertThatThrownBy(() -> s.post(s.alice, room, "ab😀cdef😀ghi"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("text"));
  }

  @Test
  void textOverTheHardCeilingIsRejectedBeforeTheRoomIsLoaded() {
    assertThatThrownBy(() -> post("no-such-room", "x".repeat(16_001), null, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("16000");
  }

  @Test
  void controlCharactersAreRejected() {
    RoomId room = s.publicRoom(s.alice);
    assertThatThrownBy(() -> s.post(s.alice, room, "bell\u0007"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("U+0007");
    assertThat(s.posted(s.alice, room, "line one\n\tline two").body())
        .isEqualTo("line one\n\tline two");
  }

  @Test
  void guestCannotPost() {
    RoomId room = s.publicRoom(s.alice);
    s.invite(s.alice, room, s.bob, Role.GUEST);
    assertThatThrownBy(() -> s.post(s.bob, room, "hi"))
        .isInstanceOfSatisfying(
            ForbiddenException.class,
            e -> assertThat(e.reason()).isEqualTo(DenialReason.ROLE_TOO_LOW));
  }

  @Test
  void nonMemberCannotPostInAPublicRoomAndCannotSeeAPrivateOne() {
    RoomId open = s.publicRoom(s.alice);
    RoomId hidden = s.privateRoom(s.alice);
    assertThatThrownBy(() -> s.post(s.mallory, open, "hi"))
        .isInstanceOfSatisfying(
            ForbiddenException.class,
            e -> assertThat(e.reason()).isEqualTo(DenialReason.NOT_A_MEMBER));
    assertThatThrownBy(() -> s.post(s.mallory, hidden, "hi")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> s.post(s.mallory, RoomId.of("never-created"), "hi"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void slowModeLimitsMembersButNotModerators() {
    RoomId room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.MEMBER);
    s.member(s.alice, room, s.carol, Role.MODERATOR);
    s.chat
        .updateRoom()
        .updateRoom(
            new UpdateRoomCommand(
                s.alice,
                room.value(),
                null,
                null,
                new RoomSettingsInput(null, 30, null, null),
                null));

    s.post(s.bob, room, "first");
    assertThatThrownBy(() -> s.post(s.bob, room, "second"))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e ->
                assertThat(e.retryAfter())
                    .isPositive()
                    .isLessThanOrEqualTo(Duration.ofSeconds(30)));
    s.post(s.carol, room, "moderators are exempt");
    s.post(s.carol, room, "twice");

    s.clock.advance(Duration.ofSeconds(30));
    assertThat(s.post(s.bob, room, "second, later").replay()).isFalse();
  }

  @Test
  void postingTooFastIsRateLimitedWithRetryAfter() {
    RoomId room = s.publicRoom(s.alice);
    for (int i = 0; i < 30; i++) {
      s.post(s.alice, room, "message " + i);
    }
    assertThatThrownBy(() -> s.post(s.alice, room, "one too many"))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> {
              assertThat(e.limit()).isEqualTo(30);
              assertThat(e.retryAfter()).isPositive();
            });
  }

  @Test
  void retryOverTheRateLimitGetsTheOriginalInsteadOfARefusal() {
    RoomId room = s.publicRoom(s.alice);
    PostedMessage first = post(room.value(), "keyed", "c-1", null);
    for (int i = 1; i < 30; i++) {
      s.post(s.alice, room, "message " + i);
    }
    assertThatThrownBy(() -> s.post(s.alice, room, "one too many"))
        .isInstanceOf(RateLimitedException.class);

    PostedMessage retry = post(room.value(), "keyed", "c-1", null);

    assertThat(retry.replay()).isTrue();
    assertThat(retry.message().message()).isEqualTo(first.message().message());
  }

  @Test
  void retriesCostNoPermit() {
    RoomId room = s.publicRoom(s.alice);
    post(room.value(), "keyed", "c-1", null);
    for (int i = 0; i < 40; i++) {
      assertThat(post(room.value(), "keyed", "c-1", null).replay()).isTrue();
    }

    for (int i = 1; i < 30; i++) {
      assertThat(s.post(s.alice, room, "message " + i).replay()).isFalse();
    }
  }

  @Test
  void retryDuringSlowModeGetsTheOriginalInsteadOfARefusal() {
    RoomId room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.MEMBER);
    s.chat
        .updateRoom()
        .updateRoom(
            new UpdateRoomCommand(
                s.alice,
                room.value(),
                null,
                null,
                new RoomSettingsInput(null, 30, null, null),
                null));
    PostedMessage first =
        s.chat
            .postMessage()
            .postMessage(new PostMessageCommand(s.bob, room.value(), "keyed", "c-1", null));
    assertThatThrownBy(() -> s.post(s.bob, room, "second"))
        .isInstanceOf(RateLimitedException.class);

    PostedMessage retry =
        s.chat
            .postMessage()
            .postMessage(new PostMessageCommand(s.bob, room.value(), "keyed", "c-1", null));

    assertThat(retry.replay()).isTrue();
    assertThat(retry.message().message()).isEqualTo(first.message().message());
  }

  @Test
  void repliesFormOneLevelThreadsAndCountOnTheRoot() {
    RoomId room = s.publicRoom(s.alice);
    Message root = s.posted(s.alice, room, "root");
    Message reply = post(room.value(), "reply", null, root.id().value()).message().message();

    assertThat(reply.parentId()).isEqualTo(root.id());
    assertThat(reply.sequence()).isEqualTo(2);
    assertThat(s.chat.messages().find(room, root.id()).orElseThrow().replyCount()).isEqualTo(1);
    assertThatThrownBy(() -> post(room.value(), "nested", null, reply.id().value()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("parentId"));
    assertThatThrownBy(() -> post(room.value(), "orphan", null, "no-such-message"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void replyToAMessageOfAnotherRoomIsRejected() {
    RoomId one = s.publicRoom(s.alice);
    RoomId two = s.publicRoom(s.alice);
    Message elsewhere = s.posted(s.alice, one, "root in room one");
    assertThatThrownBy(() -> post(two.value(), "reply", null, elsewhere.id().value()))
        .isInstanceOf(NotFoundException.class);
  }

  private ConnectionId joinAndListen(RoomId room) {
    s.member(s.alice, room, s.bob, Role.MEMBER);
    return s.listen(s.bob, room);
  }
}

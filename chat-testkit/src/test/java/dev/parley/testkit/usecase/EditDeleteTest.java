package dev.parley.testkit.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.application.error.ConflictException;
import dev.parley.application.error.ForbiddenException;
import dev.parley.application.error.NotFoundException;
import dev.parley.application.port.in.DeleteMessageCommand;
import dev.parley.application.port.in.EditMessageCommand;
import dev.parley.application.port.in.ListHistoryQuery;
import dev.parley.application.port.in.MessageView;
import dev.parley.application.port.in.PinMessageCommand;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.message.Message;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EditDeleteTest {
  private final ChatScenario s = new ChatScenario();
  private RoomId room;

  @BeforeEach
  void roomWithAModeratorAndAMember() {
    room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.MEMBER);
    s.member(s.alice, room, s.carol, Role.MODERATOR);
  }

  private MessageView edit(UserId who, Message message, String text) {
    return s.chat
        .editMessage()
        .editMessage(new EditMessageCommand(who, room.value(), message.id().value(), text));
  }

  private MessageView delete(UserId who, Message message) {
    return s.chat
        .deleteMessage()
        .deleteMessage(new DeleteMessageCommand(who, room.value(), message.id().value()));
  }

  @Test
  void authorEditsOwnMessageAndSubscribersSeeTheEdit() {
    ConnectionId carol = s.listen(s.carol, room);
    Message original = s.posted(s.bob, room, "helo");
    s.clock.advance(Duration.ofSeconds(5));

    Message edited = edit(s.bob, original, "hello").message();

    assertThat(edited.body()).isEqualTo("hello");
    assertThat(edited.editedAt()).isEqualTo(s.clock.now());
    assertThat(edited.sequence()).isEqualTo(original.sequence());
    assertThat(s.eventsFor(carol, ChatEvent.MessageEdited.class))
        .singleElement()
        .satisfies(e -> assertThat(e.message().body()).isEqualTo("hello"));
  }

  @Test
  void nobodyEditsSomeoneElsesMessageNotEvenTheOwner() {
    Message bobs = s.posted(s.bob, room, "mine");
    assertThatThrownBy(() -> edit(s.alice, bobs, "theirs now"))
        .isInstanceOfSatisfying(
            ForbiddenException.class,
            e -> assertThat(e.reason()).isEqualTo(DenialReason.NOT_AUTHOR));
  }

  @Test
  void deletedMessageCannotBeEdited() {
    Message message = s.posted(s.bob, room, "soon gone");
    delete(s.bob, message);
    assertThatThrownBy(() -> edit(s.bob, message, "too late"))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void deleteLeavesATombstoneInOrder() {
    ConnectionId carol = s.listen(s.carol, room);
    s.posted(s.bob, room, "one");
    Message two = s.posted(s.bob, room, "two");
    s.posted(s.bob, room, "three");

    Message tombstone = delete(s.bob, two).message();

    assertThat(tombstone.deleted()).isTrue();
    assertThat(tombstone.body()).isNull();
    assertThat(
            s.chat
                .listHistory()
                .listHistory(
                    new ListHistoryQuery(s.bob, room.value(), null, null, null, null, null))
                .messages())
        .extracting(v -> v.message().sequence(), v -> v.message().body())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, "one"),
            org.assertj.core.groups.Tuple.tuple(2L, null),
            org.assertj.core.groups.Tuple.tuple(3L, "three"));
    assertThat(s.eventsFor(carol, ChatEvent.MessageDeleted.class))
        .singleElement()
        .satisfies(e -> assertThat(e.sequence()).isEqualTo(2));
  }

  @Test
  void deletingTwiceIsIdempotentAndAnnouncedOnce() {
    ConnectionId carol = s.listen(s.carol, room);
    Message message = s.posted(s.bob, room, "oops");
    delete(s.bob, message);
    assertThat(delete(s.bob, message).message().deleted()).isTrue();
    assertThat(s.eventsFor(carol, ChatEvent.MessageDeleted.class)).hasSize(1);
  }

  @Test
  void moderatorDeletesAMembersMessageButAMemberCannotDeleteOthers() {
    Message bobs = s.posted(s.bob, room, "spam");
    Message carols = s.posted(s.carol, room, "moderator note");
    assertThatThrownBy(() -> delete(s.bob, carols))
        .isInstanceOfSatisfying(
            ForbiddenException.class,
            e -> assertThat(e.reason()).isEqualTo(DenialReason.ROLE_TOO_LOW));
    assertThat(delete(s.carol, bobs).message().deleted()).isTrue();
  }

  @Test
  void moderatorCannotDeleteAnAdminsMessage() {
    s.member(s.alice, room, s.mallory, Role.ADMIN);
    Message admins = s.posted(s.mallory, room, "admin announcement");
    assertThatThrownBy(() -> delete(s.carol, admins))
        .isInstanceOfSatisfying(
            ForbiddenException.class,
            e -> assertThat(e.reason()).isEqualTo(DenialReason.TARGET_OUTRANKS));
  }

  @Test
  void unknownMessageIsNotFound() {
    assertThatThrownBy(
            () ->
                s.chat
                    .deleteMessage()
                    .deleteMessage(new DeleteMessageCommand(s.bob, room.value(), "nope")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void moderatorPinsAndUnpins() {
    Message message = s.posted(s.bob, room, "rules: be kind");
    PinMessageCommand pin =
        new PinMessageCommand(s.carol, room.value(), message.id().value(), true);
    assertThat(s.chat.pinMessage().pinMessage(pin).message().pinned()).isTrue();
    assertThatThrownBy(
            () ->
                s.chat
                    .pinMessage()
                    .pinMessage(
                        new PinMessageCommand(s.bob, room.value(), message.id().value(), false)))
        .isInstanceOf(ForbiddenException.class);
    PinMessageCommand unpin =
        new PinMessageCommand(s.carol, room.value(), message.id().value(), false);
    assertThat(s.chat.pinMessage().pinMessage(unpin).message().pinned()).isFalse();
  }
}

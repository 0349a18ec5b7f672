package dev.parley.testkit.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.application.error.InvalidInputException;
import dev.parley.application.error.Violation;
import dev.parley.application.port.in.BanMemberCommand;
import dev.parley.application.port.in.CreateRoomCommand;
import dev.parley.application.port.in.InviteMemberCommand;
import dev.parley.application.port.in.OpenDirectRoomCommand;
import dev.parley.application.port.in.PostMessageCommand;
import dev.parley.application.port.in.RoomSummary;
import dev.parley.application.port.in.UpdateRoomCommand;
import dev.parley.domain.access.Role;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.room.RoomType;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Texts with characters a store could not keep (NUL on PostgreSQL) or a reader could not see are
 * refused at the use-case boundary, before any store is asked, so every store sees the same input.
 */
class HiddenCharactersTest {
  private final ChatScenario s = new ChatScenario();

  @ParameterizedTest
  @ValueSource(strings = {" ", "\t", "\n", " \t\r\n "})
  void blankClientMessageIdIsInvalidInput(String key) {
    RoomId room = s.publicRoom(s.alice);
    assertRefused(() -> post(room, key), "clientMessageId");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"nul\u0000", "bell\u0007", "esc\u001B[2J", "zero\u200Bwidth", "rtl\u202E"})
  void clientMessageIdWithHiddenCharactersIsInvalidInput(String key) {
    RoomId room = s.publicRoom(s.alice);
    assertRefused(() -> post(room, key), "clientMessageId");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"nul\u0000", "bell\u0007", "esc\u001B[2J", "cr\r", "rtl\u202E", "\uFEFFbom"})
  void roomNameAndTopicWithHiddenCharactersAreInvalidInput(String text) {
    assertRefused(() -> create(text, null), "name");
    assertRefused(() -> create("room", text), "topic");
    RoomId room = s.publicRoom(s.alice);
    assertRefused(() -> update(room, text, null), "name");
    assertRefused(() -> update(room, null, text), "topic");
  }

  @ParameterizedTest
  @ValueSource(strings = {"spam\u0000", "spam\u0007", "spam\u202E", "spam\u2028"})
  void banReasonWithHiddenCharactersIsInvalidInput(String reason) {
    RoomId room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.MEMBER);
    assertRefused(
        () ->
            s.chat
                .banMember()
                .banMember(new BanMemberCommand(s.alice, room.value(), "bob", null, reason)),
        "reason");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bob\u00A0", "b\u200Bob", "bob\u202E", "bob\u0000"})
  void userIdWithInvisibleCharactersIsInvalidInput(String userId) {
    RoomId room = s.publicRoom(s.alice);
    assertRefused(
        () ->
            s.chat
                .inviteMember()
                .inviteMember(new InviteMemberCommand(s.alice, room.value(), userId, null)),
        "userId");
    assertRefused(
        () -> s.chat.openDirectRoom().openDirectRoom(new OpenDirectRoomCommand(s.alice, userId)),
        "userId");
  }

  @Test
  void aTopicMaySpanLinesButANameMayNot() {
    assertRefused(() -> create("two\nlines", null), "name");
    assertThat(create("room", "line one\n\tline two").room().topic())
        .isEqualTo("line one\n\tline two");
  }

  @Test
  void visibleTextInAnyScriptIsKeptAsSent() {
    String name = "Planning 🎉 \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 用户";
    var created = create(name, "Topic with spaces, ünïcødé and e\u0301");
    assertThat(created.room().name()).isEqualTo(name);
    assertThat(created.room().topic()).isEqualTo("Topic with spaces, ünïcødé and e\u0301");
  }

  private void post(RoomId room, String clientMessageId) {
    s.chat
        .postMessage()
        .postMessage(new PostMessageCommand(s.alice, room.value(), "hi", clientMessageId, null));
  }

  private RoomSummary create(String name, String topic) {
    return s.chat
        .createRoom()
        .createRoom(new CreateRoomCommand(s.alice, name, topic, RoomType.PUBLIC, null, null));
  }

  private void update(RoomId room, String name, String topic) {
    s.chat
        .updateRoom()
        .updateRoom(new UpdateRoomCommand(s.alice, room.value(), name, topic, null, null));
  }

  private static void assertRefused(ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::field).containsExactly(field));
  }
}

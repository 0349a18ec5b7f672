package dev.parley.testkit.usecase;

import static dev.parley.testkit.usecase.UseCaseSteps.assertForbidden;
import static dev.parley.testkit.usecase.UseCaseSteps.invalidFields;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.in.BlockUserCommand;
import dev.parley.application.port.in.ListBlockedUsersQuery;
import dev.parley.application.port.in.ListThreadRepliesQuery;
import dev.parley.application.port.in.MessageView;
import dev.parley.application.port.in.OpenDirectRoomCommand;
import dev.parley.application.port.in.Page;
import dev.parley.application.port.in.PostMessageCommand;
import dev.parley.application.port.in.UnblockUserCommand;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.message.Message;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Blocking: direct rooms refuse posts both ways; the blocked user's messages are marked. */
class BlockingTest {
  private final ChatScenario s = new ChatScenario();
  private final UseCaseSteps step = new UseCaseSteps(s);

  private void block(UserId actor, UserId user) {
    s.chat.blockUser().blockUser(new BlockUserCommand(actor, user.value()));
  }

  private void unblock(UserId actor, UserId user) {
    s.chat.unblockUser().unblockUser(new UnblockUserCommand(actor, user.value()));
  }

  private Page<UserId> blocked(UserId actor, String cursor, Integer limit) {
    return s.chat
        .listBlockedUsers()
        .listBlockedUsers(new ListBlockedUsersQuery(actor, cursor, limit));
  }

  private RoomId direct(UserId actor, UserId other) {
    return s.chat
        .openDirectRoom()
        .openDirectRoom(new OpenDirectRoomCommand(actor, other.value()))
        .room()
        .id();
  }

  @Test
  void blockedUsersAreListedInPagesByIdAndBlockingIsIdempotent() {
    block(s.alice, s.mallory);
    block(s.alice, s.bob);
    block(s.alice, s.carol);
    block(s.alice, s.bob);

    Page<UserId> first = blocked(s.alice, null, 2);
    Page<UserId> second = blocked(s.alice, first.nextCursor(), 2);

    assertThat(first.items()).containsExactly(s.bob, s.carol);
    assertThat(second.items()).containsExactly(s.mallory);
    assertThat(second.hasMore()).isFalse();
    assertThat(blocked(s.bob, null, null).items()).isEmpty();
  }

  @Test
  void unblockIsIdempotent() {
    block(s.alice, s.bob);

    unblock(s.alice, s.bob);
    unblock(s.alice, s.bob);
    unblock(s.alice, s.carol);

    assertThat(blocked(s.alice, null, null).items()).isEmpty();
  }

  @Test
  void blockingOneselfOrAMalformedIdIsInvalidInput() {
    assertThat(invalidFields(() -> block(s.alice, s.alice))).containsExactly("userId");
    assertThat(invalidFields(() -> unblock(s.alice, s.alice))).containsExactly("userId");
    assertThat(
            invalidFields(() -> s.chat.blockUser().blockUser(new BlockUserCommand(s.alice, "a b"))))
        .containsExactly("userId");
  }

  @Test
  void aCursorOfAnotherUsersListIsInvalid() {
    block(s.alice, s.bob);
    block(s.alice, s.carol);
    String alicesCursor = blocked(s.alice, null, 1).nextCursor();

    assertThat(invalidFields(() -> blocked(s.bob, alicesCursor, 1))).isNotEmpty();
  }

  @Test
  void directRoomRefusesPostsBothWaysWhileTheBlockStands() {
    RoomId room = direct(s.alice, s.bob);
    s.post(s.bob, room, "before");

    block(s.alice, s.bob);

    assertForbidden(() -> s.post(s.bob, room, "hello?"), DenialReason.BLOCKED);
    assertForbidden(() -> s.post(s.alice, room, "go away"), DenialReason.BLOCKED);
    unblock(s.alice, s.bob);
    assertThat(s.post(s.bob, room, "hello again").message().message().body())
        .isEqualTo("hello again");
  }

  @Test
  void aRetryOfAPostFromBeforeTheBlockStillAnswersItsMessage() {
    RoomId room = direct(s.alice, s.bob);
    PostMessageCommand keyed = new PostMessageCommand(s.bob, room.value(), "hi", "c-1", null);
    Message original = s.chat.postMessage().postMessage(keyed).message().message();

    block(s.alice, s.bob);

    assertThat(s.chat.postMessage().postMessage(keyed).message().message().id())
        .isEqualTo(original.id());
  }

  @Test
  void groupRoomsStillTakePostsFromBlockedUsers() {
    RoomId room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.MEMBER);
    block(s.alice, s.bob);

    s.post(s.bob, room, "still here");

    assertThat(step.history(s.alice, room).messages()).hasSize(1);
  }

  @Test
  void historyMarksTheBlockedAuthorsMessagesForTheBlockerOnly() {
    RoomId room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.MEMBER);
    s.member(s.alice, room, s.carol, Role.MEMBER);
    s.post(s.bob, room, "from bob");
    s.post(s.carol, room, "from carol");
    s.post(s.alice, room, "from alice");
    block(s.alice, s.bob);

    List<Boolean> forAlice = marks(step.history(s.alice, room).messages());
    List<Boolean> forCarol = marks(step.history(s.carol, room).messages());

    assertThat(forAlice).containsExactly(true, false, false);
    assertThat(forCarol).containsExactly(false, false, false);
    unblock(s.alice, s.bob);
    assertThat(marks(step.history(s.alice, room).messages())).containsOnly(false);
  }

  @Test
  void threadRepliesMarkTheBlockedAuthorToo() {
    RoomId room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.MEMBER);
    Message root = s.posted(s.alice, room, "root");
    s.chat
        .postMessage()
        .postMessage(new PostMessageCommand(s.bob, room.value(), "reply", null, root.id().value()));
    block(s.alice, s.bob);

    Page<MessageView> replies =
        s.chat
            .listThreadReplies()
            .listThreadReplies(
                new ListThreadRepliesQuery(s.alice, room.value(), root.id().value(), null, null));

    assertThat(marks(replies.items())).containsExactly(true);
  }

  private static List<Boolean> marks(List<MessageView> views) {
    List<Boolean> marks = new ArrayList<>();
    for (MessageView view : views) {
      marks.add(view.authorBlocked());
    }
    return marks;
  }
}

package dev.parley.testkit.usecase;

import static dev.parley.testkit.usecase.UseCaseSteps.assertNotFound;
import static dev.parley.testkit.usecase.UseCaseSteps.invalidFields;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.in.AddReactionCommand;
import dev.parley.application.port.in.DeleteMessageCommand;
import dev.parley.application.port.in.ListPinnedMessagesQuery;
import dev.parley.application.port.in.ListThreadsQuery;
import dev.parley.application.port.in.MessageView;
import dev.parley.application.port.in.Page;
import dev.parley.application.port.in.PinMessageCommand;
import dev.parley.application.port.in.PostMessageCommand;
import dev.parley.application.port.in.ThreadView;
import dev.parley.domain.access.Role;
import dev.parley.domain.message.Message;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A room's pinned messages and its threads, for whoever may read the room's history. */
class RoomHighlightsTest {
  private final ChatScenario s = new ChatScenario();

  private Page<MessageView> pins(UserId user, RoomId room, String cursor, Integer limit) {
    return s.chat
        .listPinnedMessages()
        .listPinnedMessages(new ListPinnedMessagesQuery(user, room.value(), cursor, limit));
  }

  private Page<ThreadView> threads(UserId user, RoomId room, String cursor, Integer limit) {
    return s.chat
        .listThreads()
        .listThreads(new ListThreadsQuery(user, room.value(), cursor, limit));
  }

  private void pin(UserId by, RoomId room, Message message, boolean pinned) {
    s.chat
        .pinMessage()
        .pinMessage(new PinMessageCommand(by, room.value(), message.id().value(), pinned));
  }

  private Message reply(UserId author, RoomId room, Message root, String text) {
    return s.chat
        .postMessage()
        .postMessage(new PostMessageCommand(author, room.value(), text, null, root.id().value()))
        .message()
        .message();
  }

  private static List<String> texts(List<MessageView> views) {
    return views.stream().map(v -> v.message().body()).toList();
  }

  @Test
  void pinnedMessagesComeNewestFirstPageByPage() {
    RoomId room = s.publicRoom(s.alice);
    List<Message> posted = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      posted.add(s.posted(s.alice, room, "m" + i));
    }
    pin(s.alice, room, posted.get(0), true);
    pin(s.alice, room, posted.get(3), true);
    pin(s.alice, room, posted.get(2), true);

    Page<MessageView> first = pins(s.alice, room, null, 2);
    Page<MessageView> second = pins(s.alice, room, first.nextCursor(), 2);

    assertThat(texts(first.items())).containsExactly("m4", "m3");
    assertThat(texts(second.items())).containsExactly("m1");
    assertThat(second.nextCursor()).isNull();
  }

  @Test
  void unpinnedAndDeletedMessagesDropOutOfThePins() {
    RoomId room = s.publicRoom(s.alice);
    Message kept = s.posted(s.alice, room, "kept");
    Message unpinned = s.posted(s.alice, room, "unpinned");
    Message deleted = s.posted(s.alice, room, "deleted");
    for (Message m : List.of(kept, unpinned, deleted)) {
      pin(s.alice, room, m, true);
    }

    pin(s.alice, room, unpinned, false);
    s.chat
        .deleteMessage()
        .deleteMessage(new DeleteMessageCommand(s.alice, room.value(), deleted.id().value()));

    assertThat(texts(pins(s.alice, room, null, null).items())).containsExactly("kept");
  }

  @Test
  void pinsCarryTheirReactions() {
    RoomId room = s.publicRoom(s.alice);
    Message message = s.posted(s.alice, room, "rules");
    pin(s.alice, room, message, true);
    s.chat
        .addReaction()
        .addReaction(new AddReactionCommand(s.alice, room.value(), message.id().value(), "👍"));

    assertThat(pins(s.alice, room, null, null).items())
        .singleElement()
        .satisfies(v -> assertThat(v.reactions()).hasSize(1));
  }

  @Test
  void aPublicRoomShowsItsPinsAndThreadsToNonMembersAPrivateOneHidesThem() {
    RoomId open = s.publicRoom(s.alice);
    RoomId hidden = s.privateRoom(s.alice);
    for (RoomId room : List.of(open, hidden)) {
      Message m = s.posted(s.alice, room, "pinned");
      pin(s.alice, room, m, true);
      reply(s.alice, room, m, "a reply");
    }

    assertThat(pins(s.mallory, open, null, null).items()).hasSize(1);
    assertThat(threads(s.mallory, open, null, null).items()).hasSize(1);
    assertNotFound(() -> pins(s.mallory, hidden, null, null));
    assertNotFound(() -> threads(s.mallory, hidden, null, null));
    assertNotFound(() -> pins(s.alice, RoomId.of("no-such-room"), null, null));
  }

  @Test
  void threadsComeByLatestReplyWithCountAndLastReply() {
    RoomId room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.MEMBER);
    Message older = s.posted(s.alice, room, "older root");
    Message newer = s.posted(s.alice, room, "newer root");
    s.posted(s.alice, room, "no replies");
    reply(s.bob, room, newer, "first on newer");
    reply(s.bob, room, older, "first on older");
    reply(s.alice, room, older, "second on older");

    List<ThreadView> threads = threads(s.alice, room, null, null).items();

    assertThat(threads)
        .extracting(t -> t.root().message().body())
        .containsExactly("older root", "newer root");
    assertThat(threads.get(0).root().message().replyCount()).isEqualTo(2);
    assertThat(threads.get(0).lastReply().message().body()).isEqualTo("second on older");
    assertThat(threads.get(0).lastReply().message().author()).isEqualTo(s.alice);
    assertThat(threads.get(1).lastReply().message().author()).isEqualTo(s.bob);
  }

  @Test
  void threadPagesStayStableWhileRepliesArrive() {
    RoomId room = s.publicRoom(s.alice);
    List<Message> roots = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Message root = s.posted(s.alice, room, "root " + i);
      roots.add(root);
      reply(s.alice, room, root, "reply " + i);
    }
    Page<ThreadView> first = threads(s.alice, room, null, 2);
    assertThat(first.items())
        .extracting(t -> t.root().message().body())
        .containsExactly("root 3", "root 2");

    reply(s.alice, room, roots.get(0), "root 0 comes back to the top");
    Page<ThreadView> second = threads(s.alice, room, first.nextCursor(), 2);

    assertThat(second.items()).extracting(t -> t.root().message().body()).containsExactly("root 1");
    assertThat(second.nextCursor()).isNull();
  }

  @Test
  void badCursorsAndLimitsAreInvalidInput() {
    RoomId room = s.publicRoom(s.alice);
    RoomId other = s.publicRoom(s.alice);
    for (int i = 0; i < 3; i++) {
      Message m = s.posted(s.alice, other, "m" + i);
      pin(s.alice, other, m, true);
      reply(s.alice, other, m, "r" + i);
    }
    String pinsOfOther = pins(s.alice, other, null, 1).nextCursor();
    String threadsOfOther = threads(s.alice, other, null, 1).nextCursor();

    for (String cursor : List.of("nope!", pinsOfOther, threadsOfOther)) {
      assertThat(invalidFields(() -> pins(s.alice, room, cursor, null))).containsExactly("cursor");
      assertThat(invalidFields(() -> threads(s.alice, room, cursor, null)))
          .containsExactly("cursor");
    }
    assertThat(invalidFields(() -> pins(s.alice, other, threadsOfOther, null)))
        .containsExactly("cursor");
    assertThat(invalidFields(() -> pins(s.alice, room, null, 0))).containsExactly("limit");
    assertThat(invalidFields(() -> threads(s.alice, room, null, 101))).containsExactly("limit");
  }
}

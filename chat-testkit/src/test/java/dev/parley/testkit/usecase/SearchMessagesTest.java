package dev.parley.testkit.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.application.config.ChatSettings;
import dev.parley.application.error.InvalidInputException;
import dev.parley.application.error.NotFoundException;
import dev.parley.application.error.Violation;
import dev.parley.application.port.in.DeleteMessageCommand;
import dev.parley.application.port.in.ListHistoryQuery;
import dev.parley.application.port.in.MessageView;
import dev.parley.application.port.in.Page;
import dev.parley.application.port.in.SearchMessagesQuery;
import dev.parley.domain.message.Message;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchMessagesTest {
  private final ChatScenario s = new ChatScenario(ChatSettings.withoutUserLimits());

  private Page<MessageView> search(
      UserId who, RoomId room, String q, String cursor, Integer limit) {
    return s.chat
        .searchMessages()
        .searchMessages(new SearchMessagesQuery(who, room.value(), q, cursor, limit));
  }

  private static List<Long> sequences(Page<MessageView> page) {
    return page.items().stream().map(v -> v.message().sequence()).toList();
  }

  private static List<String> fieldsOf(InvalidInputException e) {
    return e.violations().stream().map(Violation::field).toList();
  }

  @Test
  void aMemberFindsMatchingMessagesNewestFirstPageByPage() {
    RoomId room = s.publicRoom(s.alice);
    for (int i = 1; i <= 25; i++) {
      s.post(s.alice, room, i % 2 == 0 ? "release " + i : "chatter " + i);
    }

    List<Long> seen = new ArrayList<>();
    Page<MessageView> page = search(s.alice, room, "release", null, 5);
    seen.addAll(sequences(page));
    while (page.nextCursor() != null) {
      page = search(s.alice, room, "release", page.nextCursor(), 5);
      seen.addAll(sequences(page));
    }

    assertThat(seen).containsExactly(24L, 22L, 20L, 18L, 16L, 14L, 12L, 10L, 8L, 6L, 4L, 2L);
  }

  @Test
  void deletedMessagesAreNeverFound() {
    RoomId room = s.publicRoom(s.alice);
    Message secret = s.posted(s.alice, room, "the secret plan");
    s.chat
        .deleteMessage()
        .deleteMessage(new DeleteMessageCommand(s.alice, room.value(), secret.id().value()));

    assertThat(search(s.alice, room, "secret", null, null).items()).isEmpty();
  }

  @Test
  void aNonMemberOfAPrivateRoomGetsTheSameNotFoundAsHistory() {
    RoomId room = s.privateRoom(s.alice);
    s.post(s.alice, room, "for members only");

    assertThatThrownBy(() -> search(s.mallory, room, "members", null, null))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                s.chat
                    .listHistory()
                    .listHistory(
                        new ListHistoryQuery(
                            s.mallory, room.value(), null, null, null, null, null)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void anEmptyOrTooLongQueryIsInvalidInput() {
    RoomId room = s.publicRoom(s.alice);

    assertThatThrownBy(() -> search(s.alice, room, "   ", null, null))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(fieldsOf(e)).containsExactly("q"));
    assertThatThrownBy(() -> search(s.alice, room, null, null, null))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(fieldsOf(e)).containsExactly("q"));
    assertThatThrownBy(
            () ->
                search(
                    s.alice, room, "x".repeat(SearchMessagesQuery.MAX_QUERY_LENGTH + 1), null, 0))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(fieldsOf(e)).containsExactlyInAnyOrder("q", "limit"));
  }

  @Test
  void aCursorOfAnotherSearchOrListingIsInvalidInput() {
    RoomId room = s.publicRoom(s.alice);
    for (int i = 1; i <= 4; i++) {
      s.post(s.alice, room, "deploy done");
    }
    String cursor = search(s.alice, room, "deploy", null, 2).nextCursor();
    assertThat(cursor).isNotNull();
    String historyCursor =
        s.chat
            .listHistory()
            .listHistory(new ListHistoryQuery(s.alice, room.value(), null, null, null, null, 2))
            .olderCursor();

    assertThatThrownBy(() -> search(s.alice, room, "done", cursor, 2))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(fieldsOf(e)).containsExactly("cursor"));
    assertThatThrownBy(() -> search(s.alice, room, "deploy", historyCursor, 2))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> search(s.alice, room, "deploy", "not a cursor", 2))
        .isInstanceOf(InvalidInputException.class);
  }
}

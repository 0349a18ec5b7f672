package dev.parley.testkit.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.application.config.ChatSettings;
import dev.parley.application.error.InvalidInputException;
import dev.parley.application.error.Violation;
import dev.parley.application.port.in.HistoryPage;
import dev.parley.application.port.in.ListHistoryQuery;
import dev.parley.application.port.in.ListThreadRepliesQuery;
import dev.parley.application.port.in.MessageView;
import dev.parley.application.port.in.Page;
import dev.parley.application.port.in.PostMessageCommand;
import dev.parley.domain.message.Message;
import dev.parley.domain.room.RoomId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HistoryTest {
  private final ChatScenario s = new ChatScenario(ChatSettings.withoutUserLimits());
  private RoomId room;

  @BeforeEach
  void roomWith230Messages() {
    room = s.publicRoom(s.alice);
    for (int i = 1; i <= 230; i++) {
      s.post(s.alice, room, "message " + i);
    }
  }

  private HistoryPage history(Long before, Long after, Long around, String cursor, Integer limit) {
    return s.chat
        .listHistory()
        .listHistory(
            new ListHistoryQuery(s.alice, room.value(), before, after, around, cursor, limit));
  }

  private static List<Long> sequences(HistoryPage page) {
    return page.messages().stream().map(v -> v.message().sequence()).toList();
  }

  private static List<Long> range(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }

  @Test
  void latestPageHasTheLast50InAscendingOrder() {
    HistoryPage page = history(null, null, null, null, null);
    assertThat(sequences(page)).isEqualTo(range(181, 230));
    assertThat(page.olderCursor()).isNotNull();
    assertThat(page.newerCursor()).isNull();
  }

  @Test
  void walkingBackWithCursorsVisitsEveryMessageOnce() {
    List<Long> seen = new ArrayList<>();
    HistoryPage page = history(null, null, null, null, 100);
    seen.addAll(0, sequences(page));
    while (page.olderCursor() != null) {
      page = history(null, null, null, page.olderCursor(), 100);
      seen.addAll(0, sequences(page));
    }
    assertThat(seen).isEqualTo(range(1, 230));
  }

  @Test
  void walkingForwardWithCursorsVisitsEveryMessageOnce() {
    List<Long> seen = new ArrayList<>();
    HistoryPage page = history(null, 0L, null, null, 64);
    seen.addAll(sequences(page));
    while (page.newerCursor() != null) {
      page = history(null, null, null, page.newerCursor(), 64);
      seen.addAll(sequences(page));
    }
    assertThat(seen).isEqualTo(range(1, 230));
  }

  @Test
  void beforeAfterAndAroundASequence() {
    assertThat(sequences(history(11L, null, null, null, 5))).isEqualTo(range(6, 10));
    assertThat(sequences(history(null, 10L, null, null, 5))).isEqualTo(range(11, 15));
    assertThat(sequences(history(null, null, 100L, null, 6))).isEqualTo(range(97, 102));
    assertThat(history(11L, null, null, null, 5).newerCursor()).isNotNull();
  }

  @Test
  void edgesOfTheRoom() {
    HistoryPage first = history(3L, null, null, null, 10);
    assertThat(sequences(first)).isEqualTo(range(1, 2));
    assertThat(first.olderCursor()).isNull();
    HistoryPage last = history(null, 230L, null, null, 10);
    assertThat(sequences(last)).isEmpty();
    assertThat(last.newerCursor()).isNull();
    assertThat(sequences(history(null, 229L, null, null, 1))).containsExactly(230L);
  }

  @Test
  void limitOutsideOneToHundredIsInvalid() {
    for (int limit : new int[] {0, 101, -1}) {
      assertThatThrownBy(() -> history(null, null, null, null, limit))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e ->
                  assertThat(e.violations()).extracting(Violation::field).containsExactly("limit"));
    }
  }

  @Test
  void onlyOneAnchorAtATime() {
    assertThatThrownBy(() -> history(5L, 1L, null, null, null))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void forgedOrForeignCursorsAreInvalidInput() {
    RoomId other = s.publicRoom(s.alice);
    s.post(s.alice, other, "elsewhere");
    String foreign = history(null, null, null, null, 10).olderCursor();
    for (String cursor : new String[] {"not-a-cursor", "%%%", "YWJj", foreign + "x"}) {
      assertThatThrownBy(() -> history(null, null, null, cursor, null))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(Violation::field)
                      .containsExactly("cursor"));
    }
    assertThatThrownBy(
            () ->
                s.chat
                    .listHistory()
                    .listHistory(
                        new ListHistoryQuery(
                            s.alice, other.value(), null, null, null, foreign, null)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void threadRepliesArePagedOldestFirst() {
    Message root = s.posted(s.alice, room, "thread root");
    for (int i = 0; i < 7; i++) {
      s.chat
          .postMessage()
          .postMessage(
              new PostMessageCommand(s.alice, room.value(), "reply " + i, null, root.id().value()));
    }
    List<String> bodies = new ArrayList<>();
    String cursor = null;
    do {
      Page<MessageView> page =
          s.chat
              .listThreadReplies()
              .listThreadReplies(
                  new ListThreadRepliesQuery(s.alice, room.value(), root.id().value(), cursor, 3));
      page.items().forEach(v -> bodies.add(v.message().body()));
      cursor = page.nextCursor();
    } while (cursor != null);
    assertThat(bodies)
        .containsExactly(
            "reply 0", "reply 1", "reply 2", "reply 3", "reply 4", "reply 5", "reply 6");
  }
}

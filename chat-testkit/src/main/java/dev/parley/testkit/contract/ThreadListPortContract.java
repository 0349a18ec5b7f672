package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.Drafts.appended;
import static dev.parley.testkit.contract.Drafts.draft;
import static dev.parley.testkit.contract.Drafts.reply;
import static dev.parley.testkit.contract.Instants.plusSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.MessageStorePort;
import dev.parley.application.port.out.ThreadListPort;
import dev.parley.application.port.out.ThreadListPort.ThreadEntry;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageChange;
import dev.parley.domain.room.RoomId;
import dev.parley.testkit.fixture.Ids;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link ThreadListPort}: roots with replies, latest reply first. */
public abstract class ThreadListPortContract {

  /** The port under test. */
  protected abstract ThreadListPort threads();

  /** Writes the messages; the same store as {@link #threads()}. */
  protected abstract MessageStorePort messages();

  private Message root(RoomId room) {
    return appended(messages(), draft(room));
  }

  private Message replyTo(Message root) {
    return appended(messages(), reply(root.roomId(), root.id()));
  }

  private static List<Long> rootSequences(List<ThreadEntry> threads) {
    return threads.stream().map(t -> t.root().sequence()).toList();
  }

  @Test
  public void onlyRootsWithRepliesAreThreads() {
    RoomId room = Ids.room();
    root(room);
    Message threaded = root(room);
    root(room);
    Message reply = replyTo(threaded);

    List<ThreadEntry> threads = threads().threads(room, Long.MAX_VALUE, 10);

    assertThat(threads).hasSize(1);
    assertThat(threads.get(0).root().id()).isEqualTo(threaded.id());
    assertThat(threads.get(0).root().replyCount()).isEqualTo(1);
    assertThat(threads.get(0).lastReply().id()).isEqualTo(reply.id());
    assertThat(threads().threads(Ids.room(), Long.MAX_VALUE, 10)).isEmpty();
  }

  @Test
  public void threadsComeByLatestReplyWithCountAndLastReply() {
    RoomId room = Ids.room();
    Message a = root(room); // 1
    Message b = root(room); // 2
    Message c = root(room); // 3
    replyTo(a); // 4
    replyTo(b); // 5
    replyTo(c); // 6
    Message lastOfA = replyTo(a); // 7
    replyTo(b); // 8
    Message lastOfB = replyTo(b); // 9

    List<ThreadEntry> threads = threads().threads(room, Long.MAX_VALUE, 10);

    assertThat(rootSequences(threads)).containsExactly(2L, 1L, 3L);
    assertThat(threads.get(0).root().replyCount()).isEqualTo(3);
    assertThat(threads.get(0).lastReply().id()).isEqualTo(lastOfB.id());
    assertThat(threads.get(1).root().replyCount()).isEqualTo(2);
    assertThat(threads.get(1).lastReply().id()).isEqualTo(lastOfA.id());
    assertThat(threads.get(2).lastReply().sequence()).isEqualTo(6);
  }

  @Test
  public void pagesGoBelowTheGivenLastReplySequence() {
    RoomId room = Ids.room();
    for (int i = 0; i < 4; i++) {
      replyTo(root(room));
    }
    // roots 1, 3, 5, 7 with last replies 2, 4, 6, 8

    assertThat(rootSequences(threads().threads(room, Long.MAX_VALUE, 2))).containsExactly(7L, 5L);
    assertThat(rootSequences(threads().threads(room, 6, 2))).containsExactly(3L, 1L);
    assertThat(threads().threads(room, 2, 2)).isEmpty();
    assertThat(threads().threads(room, Long.MAX_VALUE, 0)).isEmpty();
  }

  @Test
  public void aThreadWithANewerReplyIsNotListedBelowIt() {
    RoomId room = Ids.room();
    Message early = root(room); // 1
    replyTo(early); // 2
    Message late = root(room); // 3
    replyTo(late); // 4
    replyTo(early); // 5

    assertThat(rootSequences(threads().threads(room, 5, 10))).containsExactly(3L);
    assertThat(rootSequences(threads().threads(room, 6, 10))).containsExactly(1L, 3L);
  }

  @Test
  public void deletedRootsAndRepliesStayAsTombstones() {
    RoomId room = Ids.room();
    Message root = root(room);
    Message reply = replyTo(root);
    messages().change(room, reply.id(), new MessageChange.Delete(plusSeconds(1)));
    messages().change(room, root.id(), new MessageChange.Delete(plusSeconds(2)));

    List<ThreadEntry> threads = threads().threads(room, Long.MAX_VALUE, 10);

    assertThat(threads)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.root().deleted()).isTrue();
              assertThat(t.lastReply().deleted()).isTrue();
              assertThat(t.root().replyCount()).isEqualTo(1);
            });
  }
}

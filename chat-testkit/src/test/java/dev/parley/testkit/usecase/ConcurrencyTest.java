package dev.parley.testkit.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.config.ChatSettings;
import dev.parley.application.port.in.HistoryPage;
import dev.parley.application.port.in.ListHistoryQuery;
import dev.parley.application.port.in.PostMessageCommand;
import dev.parley.application.port.in.PostedMessage;
import dev.parley.domain.access.Role;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The acceptance checks for ordering and idempotency under contention, through the use cases. */
class ConcurrencyTest {
  private static final int THREADS = 50;

  private final ChatScenario s = new ChatScenario(ChatSettings.withoutUserLimits());

  @Test
  void fiftyThreadsPostingTwoHundredEachGetSequencesOneToTenThousandWithoutGapOrDuplicate()
      throws Exception {
    RoomId room = s.publicRoom(s.alice);
    List<UserId> authors = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      UserId author = UserId.of("author-" + t);
      s.member(s.alice, room, author, Role.MEMBER);
      authors.add(author);
    }

    List<List<Long>> perThread =
        runConcurrently(
            t -> {
              List<Long> mine = new ArrayList<>(200);
              for (int i = 0; i < 200; i++) {
                PostedMessage posted =
                    s.chat
                        .postMessage()
                        .postMessage(
                            new PostMessageCommand(
                                authors.get(t), room.value(), "t" + t + " m" + i, null, null));
                mine.add(posted.message().message().sequence());
              }
              return mine;
            });

    List<Long> all = perThread.stream().flatMap(List::stream).sorted().toList();
    assertThat(all).isEqualTo(LongStream.rangeClosed(1, 10_000).boxed().toList());
    // Each author sees its own posts in increasing order.
    perThread.forEach(mine -> assertThat(mine).isSorted());
    HistoryPage latest =
        s.chat
            .listHistory()
            .listHistory(new ListHistoryQuery(s.alice, room.value(), null, null, null, null, 100));
    assertThat(latest.messages().get(99).message().sequence()).isEqualTo(10_000);
  }

  @Test
  void fiftyThreadsPostingOneClientMessageIdStoreExactlyOneMessage() throws Exception {
    RoomId room = s.publicRoom(s.alice);
    List<PostedMessage> results =
        runConcurrently(
            t ->
                s.chat
                    .postMessage()
                    .postMessage(
                        new PostMessageCommand(s.alice, room.value(), "once", "same-id", null)));

    assertThat(results.stream().filter(r -> !r.replay())).hasSize(1);
    Set<String> ids =
        results.stream()
            .map(r -> r.message().message().id().value())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(ids).hasSize(1);
    assertThat(s.chat.messages().lastSequence(room)).isEqualTo(1);
  }

  /** Runs {@code task} once on each of {@link #THREADS} threads released together. */
  private static <T> List<T> runConcurrently(ThreadTask<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        Callable<T> call =
            () -> {
              start.await();
              return task.run(thread);
            };
        futures.add(pool.submit(call));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @FunctionalInterface
  private interface ThreadTask<T> {
    T run(int thread) throws Exception;
  }
}

package dev.parley.adapter.dynamodb;

import static dev.parley.testkit.fixture.MessageBuilder.aMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.AppendResult;
import dev.parley.application.port.out.MessageStorePort;
import dev.parley.domain.message.Message;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import dev.parley.testkit.fixture.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The concurrency figures: 20 writers × 100 posts into one room, and 20 simultaneous posts
 * with one client message id. No write fails against DynamoDB Local, so plain posts may leave no
 * gap; the racing retries of one post may, and then readers must not see them.
 */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbPostingTest {
  private final MessageStorePort messages = new DynamoDbMessageStoreAdapter(LocalDynamoDb.store());

  @Test
  void twentyWritersPostingAHundredEachGetSequencesOneToTwoThousand() throws Exception {
    RoomId room = Ids.room();

    List<Long> sequences =
        concurrently(
            20,
            () -> {
              List<Long> mine = new ArrayList<>();
              for (int i = 0; i < 100; i++) {
                mine.add(messages.append(aMessage().inRoom(room).buildNew()).message().sequence());
              }
              return mine;
            });

    assertThat(sequences)
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 2_000).boxed().toList());
    assertThat(new DynamoDbMessageHistoryAdapter(LocalDynamoDb.store()).lastSequence(room))
        .isEqualTo(2_000);
  }

  @Test
  void twentySimultaneousPostsWithOneClientMessageIdStoreExactlyOne() throws Exception {
    RoomId room = Ids.room();
    UserId author = Ids.user();

    List<AppendResult> results =
        concurrently(
            20,
            () ->
                List.of(
                    messages.append(
                        aMessage()
                            .inRoom(room)
                            .withAuthor(author)
                            .withClientMessageId("retry-me")
                            .buildNew())));

    assertThat(results).filteredOn(AppendResult.Appended.class::isInstance).hasSize(1);
    Message stored = results.get(0).message();
    assertThat(results).extracting(AppendResult::message).containsOnly(stored);

    // The racers that lost marked the sequences they took as gaps: history and unread counts
    // pass them at once (not after DynamoDbMessageHistoryAdapter.SETTLED_AFTER).
    Message next = messages.append(aMessage().inRoom(room).buildNew()).message();
    DynamoDbMessageHistoryAdapter history =
        new DynamoDbMessageHistoryAdapter(LocalDynamoDb.store());
    assertThat(history.after(room, 0, 10)).containsExactly(stored, next);
    assertThat(history.after(room, 0, 1)).as("a gap does not fill a page").containsExactly(stored);
    assertThat(history.before(room, Long.MAX_VALUE, 10)).containsExactly(stored, next);
    assertThat(history.countUnread(room, 0, Ids.user())).isEqualTo(2);
  }

  private static <T> List<T> concurrently(int threads, Callable<List<T>> task) throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<T>>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            executor.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      start.countDown();
      List<T> all = new ArrayList<>();
      for (Future<List<T>> future : futures) {
        all.addAll(future.get(2, TimeUnit.MINUTES));
      }
      return all;
    } finally {
      executor.shutdownNow();
    }
  }
}

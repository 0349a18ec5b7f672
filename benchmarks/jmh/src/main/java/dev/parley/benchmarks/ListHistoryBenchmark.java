package dev.parley.benchmarks;

import static dev.parley.benchmarks.BenchmarkChat.ALICE;
import static dev.parley.benchmarks.BenchmarkChat.BOB;
import static dev.parley.benchmarks.BenchmarkChat.CAROL;
import static dev.parley.benchmarks.BenchmarkChat.DAVE;
import static dev.parley.benchmarks.BenchmarkChat.TEXT;
import static dev.parley.benchmarks.BenchmarkChat.check;

import dev.parley.application.port.in.HistoryPage;
import dev.parley.application.port.in.ListHistoryQuery;
import dev.parley.application.port.in.ListHistoryUseCase;
import dev.parley.application.port.in.MessageView;
import dev.parley.domain.user.UserId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a page of 50 messages through {@link ListHistoryUseCase} from a public room of 10,000
 * messages (posted through the use case by four members, round robin): validation, room access and
 * the permission policy, the history read, the one reactions lookup for the page and the cursors.
 * The reader, carol, is a member.
 *
 * <p>{@code reactedPercent} is the share of messages carrying a reaction (added through {@code
 * AddReactionUseCase}, spread evenly: with 10, every tenth message has one 👍), so the reactions
 * lookup finds something to copy.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
@State(Scope.Thread)
public class ListHistoryBenchmark {
  static final int MESSAGES = 10_000;
  static final int PAGE = 50;

  @Param({"0", "10"})
  public int reactedPercent;

  private ListHistoryUseCase listHistory;
  private ListHistoryQuery latest;
  private ListHistoryQuery beforeMiddle;

  @Setup(Level.Trial)
  public void fillRoom() {
    BenchmarkChat fixture = new BenchmarkChat();
    List<UserId> authors = List.of(ALICE, BOB, CAROL, DAVE);
    int reactEvery = reactedPercent == 0 ? 0 : 100 / reactedPercent;
    for (int i = 1; i <= MESSAGES; i++) {
      UserId author = authors.get(i % authors.size());
      // Same length as TEXT, a different text each time.
      String text = TEXT.substring(0, TEXT.length() - 6) + String.format(" %05d", i);
      String messageId = fixture.post(author, text).message().message().id().value();
      if (reactEvery > 0 && i % reactEvery == 0) {
        fixture.react(authors.get((i + 1) % authors.size()), messageId, "👍");
      }
    }
    listHistory = fixture.chat.listHistory();
    latest = new ListHistoryQuery(CAROL, fixture.roomId, null, null, null, null, PAGE);
    beforeMiddle =
        new ListHistoryQuery(CAROL, fixture.roomId, MESSAGES / 2 + 1L, null, null, null, PAGE);

    HistoryPage page = listHistory.listHistory(latest);
    check(page.messages().size() == PAGE, "latest page has 50 messages");
    check(
        page.messages().getLast().message().sequence() == MESSAGES,
        "latest page ends at the last message");
    check(reactedOn(page) == PAGE * reactedPercent / 100, "expected share of reacted messages");
    HistoryPage middle = listHistory.listHistory(beforeMiddle);
    check(
        middle.messages().size() == PAGE
            && middle.messages().getFirst().message().sequence() == MESSAGES / 2 - PAGE + 1
            && middle.messages().getLast().message().sequence() == MESSAGES / 2,
        "middle page is 4951..5000");
    check(middle.olderCursor() != null && middle.newerCursor() != null, "middle page has cursors");
  }

  private static long reactedOn(HistoryPage page) {
    return page.messages().stream().map(MessageView::reactions).filter(r -> !r.isEmpty()).count();
  }

  /** The latest 50 messages: what a client loads when it opens the room. */
  @Benchmark
  public HistoryPage latestPage() {
    return listHistory.listHistory(latest);
  }

  /** The 50 messages before sequence 5,001: scrolling back into the middle of the history. */
  @Benchmark
  public HistoryPage pageBeforeMiddle() {
    return listHistory.listHistory(beforeMiddle);
  }
}

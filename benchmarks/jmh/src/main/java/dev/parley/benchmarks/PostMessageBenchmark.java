package dev.parley.benchmarks;

import static dev.parley.benchmarks.BenchmarkChat.ALICE;
import static dev.parley.benchmarks.BenchmarkChat.BOB;
import static dev.parley.benchmarks.BenchmarkChat.CAROL;
import static dev.parley.benchmarks.BenchmarkChat.TEXT;
import static dev.parley.benchmarks.BenchmarkChat.check;

import dev.parley.application.port.in.PostMessageCommand;
import dev.parley.application.port.in.PostMessageUseCase;
import dev.parley.application.port.in.PostedMessage;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.RoomId;
import dev.parley.testkit.InMemoryChat;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Posting a 100-character message through {@link PostMessageUseCase}: validation, room access and
 * the permission policy, the body check, the per-user rate limit, id generation, the append to the
 * in-memory store and the delivery of {@code MessagePosted} to the room's two subscribed
 * connections.
 *
 * <p>The room is public with four members (alice owns it; bob, carol and dave are members); bob
 * posts, alice and carol each have one live connection subscribed to the room. The delivery adapter
 * does not record during measurement ({@code recording(false)}): the event is still built, the
 * subscribers are still looked up and {@code deliver} is still called with both recipients, but the
 * adapter does not keep every event in memory. Each iteration starts from a fresh component, so the
 * store holds one iteration's messages at most.
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
public class PostMessageBenchmark {
  private InMemoryChat chat;
  private PostMessageUseCase postMessage;
  private String roomId;
  private long clientMessageIds;
  private long lastSequenceAtStart;

  @Setup(Level.Iteration)
  public void freshChat() {
    BenchmarkChat fixture = new BenchmarkChat();
    chat = fixture.chat;
    roomId = fixture.roomId;
    ConnectionId aliceConnection = fixture.listen(ALICE, "conn-alice");
    ConnectionId carolConnection = fixture.listen(CAROL, "conn-carol");
    // Held like a server holds it: the component builds a new service object on every call.
    postMessage = chat.postMessage();

    // One post with recording on, to check that both connections get the event (and to build the
    // validator's metadata for PostMessageCommand, which a fresh component does not have yet).
    chat.delivery().clear(); // presence events from connecting and subscribing
    postMessage.postMessage(command(null));
    check(
        chat.delivery().allEvents().size() == 1
            && chat.delivery().allEvents().get(0) instanceof ChatEvent.MessagePosted
            && chat.delivery().eventsFor(aliceConnection).size() == 1
            && chat.delivery().eventsFor(carolConnection).size() == 1,
        "MessagePosted delivered to both subscribed connections");
    postMessage.postMessage(command("warm-up"));
    chat.delivery().clear();
    chat.delivery().recording(false);
    lastSequenceAtStart = chat.messages().lastSequence(RoomId.of(roomId));
  }

  @TearDown(Level.Iteration)
  public void checkIteration() {
    RoomId room = RoomId.of(roomId);
    check(
        chat.connections().subscribers(room, Instant.now()).size() == 2,
        "both connections still subscribed and alive at the end of the iteration");
    check(chat.messages().lastSequence(room) > lastSequenceAtStart, "messages were stored");
  }

  private PostMessageCommand command(String clientMessageId) {
    return new PostMessageCommand(BOB, roomId, TEXT, clientMessageId, null);
  }

  /** A plain post: no idempotency key. */
  @Benchmark
  public PostedMessage withoutClientMessageId() {
    return postMessage.postMessage(new PostMessageCommand(BOB, roomId, TEXT, null, null));
  }

  /**
   * A post with a new client message id each time: the store checks and records the idempotency
   * key. Building the id ("c" plus a counter) is part of the measured time (some tens of ns).
   */
  @Benchmark
  public PostedMessage withClientMessageId() {
    String clientMessageId = "c" + ++clientMessageIds;
    return postMessage.postMessage(
        new PostMessageCommand(BOB, roomId, TEXT, clientMessageId, null));
  }
}

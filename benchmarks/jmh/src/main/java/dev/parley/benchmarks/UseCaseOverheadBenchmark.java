package dev.parley.benchmarks;

import static dev.parley.benchmarks.BenchmarkChat.ALICE;
import static dev.parley.benchmarks.BenchmarkChat.BOB;
import static dev.parley.benchmarks.BenchmarkChat.CAROL;
import static dev.parley.benchmarks.BenchmarkChat.TEXT;
import static dev.parley.benchmarks.BenchmarkChat.check;

import dev.parley.adapter.inmemory.InMemoryConnectionAdapter;
import dev.parley.adapter.inmemory.InMemoryMessageStoreAdapter;
import dev.parley.adapter.inmemory.InMemoryRateLimitAdapter;
import dev.parley.adapter.inmemory.InMemoryReactionStoreAdapter;
import dev.parley.application.config.ChatSettings;
import dev.parley.application.port.in.ListHistoryQuery;
import dev.parley.application.port.in.PostMessageCommand;
import dev.parley.application.port.out.AppendResult;
import dev.parley.application.port.out.RateLimitPort;
import dev.parley.application.port.out.Subscriber;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.access.Decision;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.member.Membership;
import dev.parley.domain.message.BodyCheck;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageBody;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.message.NewMessage;
import dev.parley.domain.permission.PermissionPolicy;
import dev.parley.domain.permission.PermissionRequest;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.reaction.Emoji;
import dev.parley.domain.reaction.Reaction;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.room.RoomSettings;
import dev.parley.runtime.HibernateValidation;
import dev.parley.runtime.SystemClockAdapter;
import dev.parley.runtime.UuidV7IdGeneratorAdapter;
import dev.parley.testkit.adapter.InMemoryEventDeliveryAdapter;
import dev.parley.testkit.fixture.MembershipBuilder;
import dev.parley.testkit.fixture.RoomBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pieces of {@code PostMessageService} and {@code ListHistoryService}, each alone, so the cost
 * of a whole use case can be attributed. Each piece is called as the service calls it, on the same
 * adapters. Average time in nanoseconds: several pieces take less than the resolution of a single
 * timed call, which {@code SampleTime} would need.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
@State(Scope.Thread)
public class UseCaseOverheadBenchmark {
  private static final Instant NOW = Instant.now();

  private CommandValidator validator;
  private PostMessageCommand postCommand;
  private ListHistoryQuery historyQuery;

  private Room room;
  private Membership bobMembership;

  private final SystemClockAdapter clock = new SystemClockAdapter();
  private final UuidV7IdGeneratorAdapter ids = new UuidV7IdGeneratorAdapter();
  private final InMemoryRateLimitAdapter rateLimits = new InMemoryRateLimitAdapter();
  private final RateLimitPort.Limit postLimit = ChatSettings.withoutUserLimits().postLimit();

  private final InMemoryConnectionAdapter connections = new InMemoryConnectionAdapter();
  private final InMemoryEventDeliveryAdapter delivery = new InMemoryEventDeliveryAdapter();
  private ChatEvent.MessagePosted posted;

  private final RoomId roomId = RoomId.of("room-1");
  private final InMemoryMessageStoreAdapter history = new InMemoryMessageStoreAdapter();
  private final InMemoryReactionStoreAdapter reactions = new InMemoryReactionStoreAdapter();
  private List<MessageId> middlePageIds;

  @Setup(Level.Trial)
  public void setUp() {
    validator = new CommandValidator(HibernateValidation.validator());
    postCommand = new PostMessageCommand(BOB, roomId.value(), TEXT, null, null);
    historyQuery = new ListHistoryQuery(CAROL, roomId.value(), 5_001L, null, null, null, 50);

    room = RoomBuilder.aRoom().withId(roomId).withCreator(ALICE).build();
    bobMembership = MembershipBuilder.aMembership().withRoom(roomId).withUser(BOB).build();
    check(
        PermissionPolicy.decide(
                PermissionRequest.of(room, BOB, bobMembership, null, Action.POST, NOW))
            instanceof Decision.Allowed,
        "bob may post");

    // Two live connections subscribed to the room, as in PostMessageBenchmark.
    for (var user : List.of(ALICE, CAROL)) {
      ConnectionId id = ConnectionId.of("conn-" + user.value());
      connections.register(
          dev.parley.domain.presence.Connection.open(id, user, NOW), NOW.plusSeconds(3600));
      connections.subscribe(roomId, id, user);
    }
    delivery.recording(false);

    // 10,000 messages, every tenth with one reaction, as in ListHistoryBenchmark.
    MessageBody body = MessageBody.of(TEXT);
    Emoji thumbsUp = Emoji.of("👍");
    for (int i = 1; i <= ListHistoryBenchmark.MESSAGES; i++) {
      Message message =
          history
              .append(new NewMessage(MessageId.of("m" + i), roomId, BOB, body, null, null, NOW))
              .message();
      if (i % 10 == 0) {
        reactions.add(roomId, message.id(), thumbsUp, ALICE);
      }
      if (posted == null) {
        posted = new ChatEvent.MessagePosted(message, NOW);
      }
    }
    middlePageIds = history.before(roomId, 5_001, 50).stream().map(Message::id).toList();
    check(middlePageIds.size() == 50, "middle page has 50 messages");
    check(reactions.reactionsOf(roomId, middlePageIds).size() == 5, "5 reacted in the page");
  }

  /** Jakarta validation (Hibernate Validator) of a post command, as the service's first step. */
  @Benchmark
  public PostMessageCommand validatePostMessageCommand() {
    validator.validate(postCommand);
    return postCommand;
  }

  /** Jakarta validation of a history query. */
  @Benchmark
  public ListHistoryQuery validateListHistoryQuery() {
    validator.validate(historyQuery);
    return historyQuery;
  }

  /**
   * The body rules over a 100-character text; a post runs them twice (the {@code @MessageText}
   * constraint, then {@code MessageTexts.require} against the room's limit).
   */
  @Benchmark
  public BodyCheck messageBodyCheck() {
    return MessageBody.check(TEXT, RoomSettings.DEFAULT_MAX_MESSAGE_LENGTH);
  }

  /** The permission policy for a member posting, including building the request. */
  @Benchmark
  public Decision permissionPolicyDecide() {
    return PermissionPolicy.decide(
        PermissionRequest.of(room, BOB, bobMembership, null, Action.POST, NOW));
  }

  /** A UUIDv7 message id as a string. */
  @Benchmark
  public String newMessageId() {
    return ids.newId();
  }

  /** The real clock, read once per use case ({@code RoomAccess.enter}). */
  @Benchmark
  public Instant clockNow() {
    return clock.now();
  }

  /** The per-user post limit, including building its key as the service does. */
  @Benchmark
  public RateLimitPort.RateDecision rateLimitAcquire() {
    return rateLimits.acquire("post:" + BOB.value(), postLimit, NOW);
  }

  /** What {@code EventPublisher} does for a post: look up subscribers, deliver to two. */
  @Benchmark
  public List<ConnectionId> publishToTwoSubscribers() {
    List<Subscriber> subscribers = connections.subscribers(roomId, NOW);
    List<ConnectionId> recipients = new ArrayList<>(subscribers.size());
    for (Subscriber subscriber : subscribers) {
      recipients.add(subscriber.connectionId());
    }
    delivery.deliver(posted, recipients);
    return recipients;
  }

  /** The store read of a history page (51 rows: one more tells whether there is an older page). */
  @Benchmark
  public List<Message> historyBeforeMiddle() {
    return history.before(roomId, 5_001, 51);
  }

  /** The reactions lookup for a page of 50 messages, 5 of which carry a reaction. */
  @Benchmark
  public Map<MessageId, List<Reaction>> reactionsOfPage() {
    return reactions.reactionsOf(roomId, middlePageIds);
  }

  /**
   * Appending to a room of the in-memory store. The store is replaced every {@value
   * #APPENDS_PER_STORE} appends, so what is measured is the append and not the garbage collection
   * of a store that keeps every message (PostMessageBenchmark keeps up to an iteration's worth,
   * about half a million, and pays for it in its tail). Replacing the store is in the measured
   * time, amortised.
   */
  @State(Scope.Thread)
  public static class AppendState {
    InMemoryMessageStoreAdapter store;
    MessageBody body;
    long next;

    @Setup(Level.Iteration)
    public void freshStore() {
      store = new InMemoryMessageStoreAdapter();
      body = MessageBody.of(TEXT);
    }
  }

  static final int APPENDS_PER_STORE = 10_000;

  /** The append alone (the message id, "m" plus a counter, is built in the measured time). */
  @Benchmark
  public AppendResult appendToStore(AppendState state) {
    if (++state.next % APPENDS_PER_STORE == 0) {
      state.store = new InMemoryMessageStoreAdapter();
    }
    return state.store.append(
        new NewMessage(MessageId.of("m" + state.next), roomId, BOB, state.body, null, null, NOW));
  }
}

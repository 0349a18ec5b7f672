package dev.parley.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.application.config.ChatSettings;
import dev.parley.application.error.StoreUnavailableException;
import dev.parley.application.port.in.CreateRoomCommand;
import dev.parley.application.port.in.PostMessageCommand;
import dev.parley.application.port.in.PostedMessage;
import dev.parley.domain.message.Message;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.room.RoomType;
import dev.parley.domain.user.UserId;
import dev.parley.runtime.SystemClockAdapter;
import dev.parley.runtime.UuidV7IdGeneratorAdapter;
import dev.parley.testkit.fixture.Ids;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A database that goes away or slows down: calls fail fast with {@link StoreUnavailableException},
 * nothing acknowledged is lost, and the pool recovers without a restart.
 */
class PostgresOutageTest {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema(4);

  private static final int WRITERS = 4;
  private static final int POSTS_EACH = 150;

  private PostgresChat chat(PostgresConfig config) {
    return DaggerPostgresChat.factory()
        .create(
            ChatSettings.withoutUserLimits(),
            new SystemClockAdapter(),
            new UuidV7IdGeneratorAdapter(),
            config);
  }

  @Test
  public void killingThePoolsConnectionsDuringABurstLosesNoAcknowledgedPostAndRecovers()
      throws Exception {
    String applicationName = "parley-outage-chat";
    PostgresChat chat = chat(DB.config().withApplicationName(applicationName));
    UserId alice = Ids.user();
    RoomId room =
        chat.createRoom()
            .createRoom(new CreateRoomCommand(alice, "outage", null, RoomType.PUBLIC, null, null))
            .room()
            .id();
    Queue<Message> acknowledged = new ConcurrentLinkedQueue<>();
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    AtomicInteger attempts = new AtomicInteger();
    int total = WRITERS * POSTS_EACH;
    // The connections are killed three times, when a quarter, half and three quarters were tried.
    List<CountDownLatch> milestones =
        List.of(new CountDownLatch(1), new CountDownLatch(1), new CountDownLatch(1));
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      done.add(
          writers.submit(
              () -> {
                for (int i = 0; i < POSTS_EACH; i++) {
                  int attempt = attempts.incrementAndGet();
                  if (attempt % (total / 4) == 0 && attempt < total) {
                    milestones.get(attempt / (total / 4) - 1).countDown();
                  }
                  try {
                    PostedMessage posted =
                        chat.postMessage()
                            .postMessage(
                                new PostMessageCommand(alice, room.value(), "burst", null, null));
                    acknowledged.add(posted.message().message());
                  } catch (RuntimeException e) {
                    failures.add(e);
                  }
                }
              }));
    }
    int terminated = 0;
    for (CountDownLatch milestone : milestones) {
      assertThat(milestone.await(60, TimeUnit.SECONDS)).as("writers progress").isTrue();
      terminated += terminateBackends(applicationName);
    }
    for (Future<?> writer : done) {
      writer.get(60, TimeUnit.SECONDS);
    }
    writers.shutdown();

    assertThat(terminated).as("backends terminated").isPositive();
    assertThat(failures)
        .allSatisfy(e -> assertThat(e).isInstanceOf(StoreUnavailableException.class));
    assertThat(acknowledged.size() + failures.size()).isEqualTo(total);
    assertThat(acknowledged).as("most posts succeed").hasSizeGreaterThan(total / 2);
    Set<Long> sequences = new HashSet<>();
    for (Message message : acknowledged) {
      assertThat(chat.messages().find(room, message.id())).contains(message);
      assertThat(sequences.add(message.sequence())).as("unique sequence").isTrue();
    }
    PostedMessage after =
        chat.postMessage()
            .postMessage(new PostMessageCommand(alice, room.value(), "back", null, null));
    assertThat(chat.messages().find(room, after.message().message().id())).isPresent();
    assertThat(chat.health().isAvailable()).isTrue();
    chat.dataSource().close();
  }

  @Test
  public void aDatabaseThatDoesNotAnswerFailsCallsFastAndHealthSaysNo() {
    // Nothing listens on port 1: every connection attempt is refused.
    PostgresConfig down =
        PostgresConfig.of("jdbc:postgresql://127.0.0.1:1/test", "postgres", null)
            .withApplicationName("parley-down-test");
    try (var dataSource = PostgresDataSources.create(down)) {
      PostgresMessageStoreAdapter messages = new PostgresMessageStoreAdapter(dataSource);
      Instant start = Instant.now();

      assertThatThrownBy(() -> messages.find(Ids.room(), Ids.message()))
          .isInstanceOf(StoreUnavailableException.class);
      assertThat(new PostgresStoreHealthAdapter(dataSource).isAvailable()).isFalse();

      assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(8));
    }
  }

  @Test
  public void aStatementStuckBehindALockIsCancelledByTheStatementTimeout() throws SQLException {
    PostgresConfig impatient =
        new PostgresConfig(
            DB.config().url(),
            DB.config().user(),
            DB.config().password(),
            DB.config().schema(),
            2,
            "parley-slow-test",
            Duration.ofSeconds(2),
            Duration.ofMillis(300),
            Duration.ofSeconds(10));
    RoomId room = Ids.room();
    try (var dataSource = PostgresDataSources.create(impatient);
        Connection blocker = DB.dataSource().getConnection()) {
      blocker.setAutoCommit(false);
      try (Statement lock = blocker.createStatement()) {
        lock.execute("LOCK TABLE room_sequences IN ACCESS EXCLUSIVE MODE");
      }
      PostgresMessageHistoryAdapter history = new PostgresMessageHistoryAdapter(dataSource);
      Instant start = Instant.now();

      assertThatThrownBy(() -> history.lastSequence(room))
          .isInstanceOf(StoreUnavailableException.class);

      assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
      blocker.rollback();
      assertThat(history.lastSequence(room)).isZero();
    }
  }

  private static int terminateBackends(String applicationName) throws SQLException {
    try (Connection admin = DB.dataSource().getConnection();
        var terminate =
            admin.prepareStatement(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    + " AND application_name = ?")) {
      terminate.setString(1, applicationName);
      try (ResultSet row = terminate.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }
}

package dev.parley.bus.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.parley.adapter.postgres.PostgresConfig;
import dev.parley.adapter.postgres.PostgresSchema;
import dev.parley.application.port.out.EventDeliveryPort.DisconnectReason;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.protocol.cluster.ClusterMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** Two buses on one schema, each with a recording receiver: what crosses and what does not. */
class PostgresClusterBusTest {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema(4);

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final List<ConnectionId> TO =
      List.of(ConnectionId.of("c-1"), ConnectionId.of("c-2"));

  private final List<PostgresClusterBus> buses = new ArrayList<>();

  @AfterEach
  void closeBuses() {
    buses.forEach(PostgresClusterBus::close);
  }

  /** The bus settings a deployment derives from the store's configuration. */
  static PostgresBusConfig busConfig(PostgresConfig store) {
    return new PostgresBusConfig(
        store.url(),
        store.user(),
        store.password(),
        store.schema(),
        store.applicationName(),
        store.connectionTimeout(),
        store.socketTimeout());
  }

  private PostgresClusterBus bus(RecordingReceiver receiver, String name) throws Exception {
    PostgresBusConfig config = busConfig(DB.config().withApplicationName(name));
    return bus(receiver, () -> PostgresClusterBus.openListener(config));
  }

  private PostgresClusterBus bus(
      RecordingReceiver receiver, PostgresClusterBus.ConnectionOpener opener) throws Exception {
    PostgresClusterBus bus =
        new PostgresClusterBus(
            PostgresClusterBus.channelOf(DB.config().schema()),
            DB.dataSource(),
            opener,
            Duration.ofMillis(50),
            Duration.ofSeconds(10));
    buses.add(bus);
    bus.start(receiver);
    assertThat(bus.awaitListening(WAIT)).as("listening").isTrue();
    return bus;
  }

  private static ClusterMessage frame(String text) {
    return new ClusterMessage.Frame("{\"type\":\"event\",\"text\":\"" + text + "\"}", TO);
  }

  @Test
  void aFramePublishedOnOneNodeReachesTheOtherOnceAndIsNotEchoedBack() throws Exception {
    RecordingReceiver nodeA = new RecordingReceiver();
    RecordingReceiver nodeB = new RecordingReceiver();
    PostgresClusterBus a = bus(nodeA, "bus-a-" + UUID.randomUUID());
    PostgresClusterBus b = bus(nodeB, "bus-b-" + UUID.randomUUID());
    ClusterMessage first = frame("hello");

    a.publish(first);

    assertThat(nodeB.next()).isEqualTo(first);
    // A barrier in the other direction: had A been handed its own frame back, it would come first.
    ClusterMessage second = frame("back");
    b.publish(second);
    assertThat(nodeA.next()).isEqualTo(second);
    assertThat(nodeA.pending()).isZero();
    assertThat(nodeB.pending()).isZero();
  }

  @Test
  void disconnectsCrossNodesWithTheirReason() throws Exception {
    RecordingReceiver nodeB = new RecordingReceiver();
    PostgresClusterBus a = bus(new RecordingReceiver(), "bus-a-" + UUID.randomUUID());
    bus(nodeB, "bus-b-" + UUID.randomUUID());
    ClusterMessage banned =
        new ClusterMessage.Disconnect(List.of(ConnectionId.of("c-9")), DisconnectReason.BANNED);

    a.publish(banned);

    assertThat(nodeB.next()).isEqualTo(banned);
  }

  @Test
  void aFrameLargerThanANotifyPayloadCrossesThroughTheOutbox() throws Exception {
    RecordingReceiver nodeB = new RecordingReceiver();
    PostgresClusterBus a = bus(new RecordingReceiver(), "bus-a-" + UUID.randomUUID());
    bus(nodeB, "bus-b-" + UUID.randomUUID());
    ClusterMessage big = frame("😀".repeat(16_000)); // 64,000 UTF-8 bytes

    a.publish(big);

    assertThat(nodeB.next()).isEqualTo(big);
  }

  @Test
  void aRowThatIsNotAnEnvelopeIsDroppedWithALogLineAndTheNextOneStillArrives() throws Exception {
    Logger log = (Logger) LoggerFactory.getLogger(PostgresClusterBus.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    log.addAppender(lines);
    try {
      RecordingReceiver nodeB = new RecordingReceiver();
      PostgresClusterBus a = bus(new RecordingReceiver(), "bus-a-" + UUID.randomUUID());
      PostgresClusterBus b = bus(nodeB, "bus-b-" + UUID.randomUUID());
      try (Connection c = DB.dataSource().getConnection();
          PreparedStatement garbage =
              c.prepareStatement(
                  "WITH ins AS (INSERT INTO event_outbox (payload) VALUES ('{\"not\":1}')"
                      + " RETURNING id) SELECT pg_notify(?, 'elsewhere:' || id) FROM ins")) {
        garbage.setString(1, PostgresClusterBus.channelOf(DB.config().schema()));
        garbage.executeQuery().close();
      }
      ClusterMessage after = frame("after");

      a.publish(after);

      assertThat(nodeB.next()).isEqualTo(after);
      assertThat(nodeB.pending()).isZero();
      assertThat(b.isListening()).isTrue();
      assertThat(lines.list)
          .anySatisfy(
              line -> assertThat(line.getFormattedMessage()).contains("not a cluster envelope"));
    } finally {
      log.detachAppender(lines);
    }
  }

  @Test
  void afterLosingItsConnectionANodeReplaysWhatWasPublishedMeanwhile() throws Exception {
    String name = "bus-gated-" + UUID.randomUUID();
    PostgresConfig config = DB.config().withApplicationName(name);
    CountDownLatch reconnecting = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    int[] opens = {0};
    RecordingReceiver nodeA = new RecordingReceiver();
    PostgresClusterBus a =
        bus(
            nodeA,
            () -> {
              if (++opens[0] > 1) {
                reconnecting.countDown();
                try {
                  release.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return PostgresClusterBus.openListener(busConfig(config));
            });
    PostgresClusterBus b = bus(new RecordingReceiver(), "bus-b-" + UUID.randomUUID());

    assertThat(terminateBackendsOf(name + "-listener")).isEqualTo(1);
    assertThat(reconnecting.await(WAIT.toSeconds(), TimeUnit.SECONDS))
        .as("the listener noticed the lost connection")
        .isTrue();
    assertThat(a.isListening()).isFalse();
    ClusterMessage missed = frame("while you were away");
    ClusterMessage kicked =
        new ClusterMessage.Disconnect(List.of(ConnectionId.of("c-2")), DisconnectReason.KICKED);
    b.publish(missed);
    b.publish(kicked);
    release.countDown();

    assertThat(nodeA.next()).isEqualTo(missed);
    assertThat(nodeA.next()).isEqualTo(kicked);
    assertThat(a.awaitListening(WAIT)).isTrue();
    assertThat(a.connects()).isEqualTo(2);
    // And it listens again: a new frame arrives by notification.
    ClusterMessage later = frame("welcome back");
    b.publish(later);
    assertThat(nodeA.next()).isEqualTo(later);
    assertThat(nodeA.pending()).isZero();
  }

  @Test
  void purgeDeletesOnlyRowsOlderThanTheCutoff() throws Exception {
    PostgresClusterBus a = bus(new RecordingReceiver(), "bus-a-" + UUID.randomUUID());
    a.purgeOutboxBefore(Instant.now().plusSeconds(60)); // a clean slate
    a.publish(frame("x"));
    try (Connection c = DB.dataSource().getConnection();
        PreparedStatement age =
            c.prepareStatement(
                "UPDATE event_outbox SET created_at = now() - interval '1 hour'"
                    + " WHERE id = (SELECT min(id) FROM event_outbox)")) {
      age.executeUpdate();
    }
    a.publish(frame("y"));

    assertThat(a.purgeOutboxBefore(Instant.now().minusSeconds(600))).isEqualTo(1);
    assertThat(outboxRows()).isEqualTo(1);
  }

  @Test
  void closeStopsTheListenerThreadAndReleasesItsConnection() throws Exception {
    String name = "bus-close-" + UUID.randomUUID();
    PostgresClusterBus a = bus(new RecordingReceiver(), name);
    assertThat(backendsOf(name + "-listener")).isEqualTo(1);

    a.close();

    assertThat(a.isListening()).isFalse();
    assertThat(a.threadAlive()).as("listener thread alive").isFalse();
    // The backend goes away once the server has processed the terminate message.
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (backendsOf(name + "-listener") > 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(backendsOf(name + "-listener")).isZero();
  }

  private static int outboxRows() throws SQLException {
    try (Connection c = DB.dataSource().getConnection();
        ResultSet row = c.createStatement().executeQuery("SELECT count(*) FROM event_outbox")) {
      row.next();
      return row.getInt(1);
    }
  }

  private static int backendsOf(String applicationName) throws SQLException {
    try (Connection c = DB.dataSource().getConnection();
        PreparedStatement query =
            c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
      query.setString(1, applicationName);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  private static int terminateBackendsOf(String applicationName) throws SQLException {
    try (Connection c = DB.dataSource().getConnection();
        PreparedStatement terminate =
            c.prepareStatement(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE application_name = ?")) {
      terminate.setString(1, applicationName);
      try (ResultSet row = terminate.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }
}

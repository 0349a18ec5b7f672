package dev.parley.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.EventDeliveryPort.DisconnectReason;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
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

/**
 * Two buses on one schema, each with a recording local delivery: what crosses and what does not.
 */
class PostgresEventBusTest {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema(4);

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final RoomId ROOM = RoomId.of("r");
  private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");

  private final List<PostgresEventBusAdapter> buses = new ArrayList<>();

  @AfterEach
  void closeBuses() {
    buses.forEach(PostgresEventBusAdapter::close);
  }

  private PostgresEventBusAdapter bus(RecordingDelivery local, String name) throws Exception {
    PostgresConfig config = DB.config().withApplicationName(name);
    return bus(local, () -> PostgresEventBusAdapter.openListener(config));
  }

  private PostgresEventBusAdapter bus(
      RecordingDelivery local, PostgresEventBusAdapter.ConnectionOpener opener) throws Exception {
    PostgresEventBusAdapter bus =
        new PostgresEventBusAdapter(
            PostgresEventBusAdapter.channelOf(DB.config().schema()),
            DB.dataSource(),
            local,
            opener,
            Duration.ofMillis(50),
            Duration.ofSeconds(10));
    buses.add(bus);
    bus.start();
    assertThat(bus.awaitListening(WAIT)).as("listening").isTrue();
    return bus;
  }

  private static ChatEvent posted(String text) {
    Message message =
        new Message(
            MessageId.of("m-" + UUID.randomUUID()),
            ROOM,
            1,
            UserId.of("alice"),
            text,
            null,
            0,
            null,
            AT,
            null,
            null,
            false);
    return new ChatEvent.MessagePosted(message, AT);
  }

  @Test
  void anEventDeliveredOnOneNodeReachesTheOtherOnceAndIsNotEchoedBack() throws Exception {
    RecordingDelivery localA = new RecordingDelivery();
    RecordingDelivery localB = new RecordingDelivery();
    PostgresEventBusAdapter a = bus(localA, "bus-a-" + UUID.randomUUID());
    PostgresEventBusAdapter b = bus(localB, "bus-b-" + UUID.randomUUID());
    ChatEvent first = posted("hello");
    List<ConnectionId> to = List.of(ConnectionId.of("c-1"), ConnectionId.of("c-2"));

    a.deliver(first, to);

    assertThat(localA.next()).isEqualTo(new RecordingDelivery.Call(first, to, null));
    assertThat(localB.next()).isEqualTo(new RecordingDelivery.Call(first, to, null));
    // A barrier in the other direction: had A been handed its own event back, it would come first.
    ChatEvent second = posted("back");
    b.deliver(second, to);
    assertThat(localB.next().event()).isEqualTo(second);
    assertThat(localA.next().event()).isEqualTo(second);
    assertThat(localA.pending()).isZero();
    assertThat(localB.pending()).isZero();
  }

  @Test
  void disconnectsCrossNodesWithTheirReason() throws Exception {
    RecordingDelivery localA = new RecordingDelivery();
    RecordingDelivery localB = new RecordingDelivery();
    PostgresEventBusAdapter a = bus(localA, "bus-a-" + UUID.randomUUID());
    bus(localB, "bus-b-" + UUID.randomUUID());
    List<ConnectionId> kicked = List.of(ConnectionId.of("c-9"));

    a.disconnect(kicked, DisconnectReason.BANNED);

    assertThat(localB.next())
        .isEqualTo(new RecordingDelivery.Call(null, kicked, DisconnectReason.BANNED));
  }

  @Test
  void anEventLargerThanANotifyPayloadCrossesThroughTheOutbox() throws Exception {
    RecordingDelivery localA = new RecordingDelivery();
    RecordingDelivery localB = new RecordingDelivery();
    PostgresEventBusAdapter a = bus(localA, "bus-a-" + UUID.randomUUID());
    bus(localB, "bus-b-" + UUID.randomUUID());
    ChatEvent big = posted("😀".repeat(16_000)); // 64,000 UTF-8 bytes

    a.deliver(big, List.of(ConnectionId.of("c-1")));

    assertThat(localB.next().event()).isEqualTo(big);
  }

  @Test
  void afterLosingItsConnectionANodeReplaysWhatWasPublishedMeanwhile() throws Exception {
    String name = "bus-gated-" + UUID.randomUUID();
    PostgresConfig config = DB.config().withApplicationName(name);
    CountDownLatch reconnecting = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    int[] opens = {0};
    RecordingDelivery localA = new RecordingDelivery();
    PostgresEventBusAdapter a =
        bus(
            localA,
            () -> {
              if (++opens[0] > 1) {
                reconnecting.countDown();
                try {
                  release.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return PostgresEventBusAdapter.openListener(config);
            });
    RecordingDelivery localB = new RecordingDelivery();
    PostgresEventBusAdapter b = bus(localB, "bus-b-" + UUID.randomUUID());

    assertThat(terminateBackendsOf(name + "-listener")).isEqualTo(1);
    assertThat(reconnecting.await(WAIT.toSeconds(), TimeUnit.SECONDS))
        .as("the listener noticed the lost connection")
        .isTrue();
    assertThat(a.isListening()).isFalse();
    ChatEvent missed = posted("while you were away");
    b.deliver(missed, List.of(ConnectionId.of("c-1")));
    b.disconnect(List.of(ConnectionId.of("c-2")), DisconnectReason.KICKED);
    release.countDown();

    assertThat(localA.next().event()).isEqualTo(missed);
    assertThat(localA.next().reason()).isEqualTo(DisconnectReason.KICKED);
    assertThat(a.awaitListening(WAIT)).isTrue();
    assertThat(a.connects()).isEqualTo(2);
    // And it listens again: a new event arrives by notification.
    ChatEvent later = posted("welcome back");
    b.deliver(later, List.of(ConnectionId.of("c-1")));
    assertThat(localA.next().event()).isEqualTo(later);
    assertThat(localA.pending()).isZero();
  }

  @Test
  void purgeDeletesOnlyRowsOlderThanTheCutoff() throws Exception {
    RecordingDelivery local = new RecordingDelivery();
    PostgresEventBusAdapter a = bus(local, "bus-a-" + UUID.randomUUID());
    a.purgeOutboxBefore(Instant.now().plusSeconds(60)); // a clean slate
    a.deliver(posted("x"), List.of(ConnectionId.of("c-1")));
    try (Connection c = DB.dataSource().getConnection();
        PreparedStatement age =
            c.prepareStatement(
                "UPDATE event_outbox SET created_at = now() - interval '1 hour'"
                    + " WHERE id = (SELECT min(id) FROM event_outbox)")) {
      age.executeUpdate();
    }
    a.deliver(posted("y"), List.of(ConnectionId.of("c-1")));

    assertThat(a.purgeOutboxBefore(Instant.now().minusSeconds(600))).isEqualTo(1);
    assertThat(outboxRows()).isEqualTo(1);
  }

  @Test
  void closeStopsTheListenerThreadAndReleasesItsConnection() throws Exception {
    String name = "bus-close-" + UUID.randomUUID();
    PostgresEventBusAdapter a = bus(new RecordingDelivery(), name);
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

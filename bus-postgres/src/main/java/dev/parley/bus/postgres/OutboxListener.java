package dev.parley.bus.postgres;

import dev.parley.protocol.cluster.ClusterEnvelope;
import dev.parley.protocol.cluster.ClusterMessage;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving half of {@link PostgresClusterBus}: one daemon thread with its own connection that
 * listens on the channel, reads the notified outbox rows of other nodes and hands their messages to
 * the receiver; reconnects with backoff and catches up on what it missed. Thread-safe.
 */
final class OutboxListener {
  // Logs as the bus: one logger name for operators to follow, whichever half speaks.
  private static final Logger LOG = LoggerFactory.getLogger(PostgresClusterBus.class);
  private static final String BY_IDS =
      "SELECT id, payload FROM event_outbox WHERE id = ANY(?) ORDER BY id";
  private static final String AFTER =
      "SELECT id, payload FROM event_outbox WHERE id > ? ORDER BY id LIMIT ?";
  private static final int CATCH_UP_PAGE = 1_000;
  private static final int REMEMBERED_IDS = 10_000;
  private static final Duration MIN_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final String nodeId;
  private final String channel;
  private final PostgresClusterBus.ConnectionOpener opener;
  private final int pollMillis;
  private final Duration idleCheck;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final Object lock = new Object();
  private final AtomicInteger connects = new AtomicInteger();

  // Owned by the listener thread.
  private final LinkedHashSet<Long> handled = new LinkedHashSet<>();
  private long lastSeen = -1;

  private volatile Consumer<ClusterMessage> receiver;
  private volatile boolean listening;
  private volatile Connection current;
  private Thread thread;

  OutboxListener(
      String nodeId,
      String channel,
      PostgresClusterBus.ConnectionOpener opener,
      Duration poll,
      Duration idleCheck) {
    this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
    this.channel = Objects.requireNonNull(channel, "channel");
    this.opener = Objects.requireNonNull(opener, "opener");
    this.pollMillis = Math.toIntExact(Math.max(1, poll.toMillis()));
    this.idleCheck = Objects.requireNonNull(idleCheck, "idleCheck");
  }

  /** Starts the listener thread; returns at once (see {@link #awaitListening}). */
  void start(Consumer<ClusterMessage> receiver) {
    Objects.requireNonNull(receiver, "receiver");
    synchronized (lock) {
      if (thread != null) {
        throw new IllegalStateException("the cluster bus starts once");
      }
      this.receiver = receiver;
      thread = Thread.ofPlatform().name("parley-cluster-listener").daemon().unstarted(this::listen);
      thread.start();
    }
  }

  /** Waits until the listener has run {@code LISTEN}; false when it has not within the timeout. */
  boolean awaitListening(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (!listening) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || stopping.getCount() == 0) {
          return listening;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return true;
    }
  }

  /** Whether the listening connection is up. */
  boolean isListening() {
    return listening;
  }

  /** Whether the listener thread is running. */
  boolean threadAlive() {
    synchronized (lock) {
      return thread != null && thread.isAlive();
    }
  }

  /** How many times the listener has connected (1 after the start, +1 per reconnect). */
  int connects() {
    return connects.get();
  }

  /** Stops the listener thread and closes its connection; waits up to 5 s for it. */
  void close() {
    Thread running;
    synchronized (lock) {
      stopping.countDown();
      lock.notifyAll();
      running = thread;
    }
    if (running == null) {
      return;
    }
    try {
      running.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (running.isAlive()) {
      closeQuietly(current);
    }
  }

  private boolean stopped() {
    return stopping.getCount() == 0;
  }

  private void listen() {
    Duration backoff = MIN_BACKOFF;
    while (!stopped()) {
      try (Connection connection = opener.open()) {
        current = connection;
        if (stopped()) {
          return;
        }
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN \"" + channel + "\"");
        }
        int count = connects.incrementAndGet();
        if (lastSeen < 0) {
          lastSeen = maxId(connection);
        } else {
          int replayed = catchUp(connection);
          LOG.info("cluster listener reconnected; {} missed messages replayed", replayed);
        }
        setListening(true);
        LOG.debug("cluster listener #{} listening on {}", count, channel);
        backoff = MIN_BACKOFF;
        poll(connection);
      } catch (SQLException | RuntimeException e) {
        if (stopped()) {
          return;
        }
        setListening(false);
        LOG.warn(
            "cluster listener lost its connection ({}); reconnecting in {} ms",
            e.getMessage(),
            backoff.toMillis());
        try {
          if (stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
            return;
          }
        } catch (InterruptedException interrupted) {
          return;
        }
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
      } finally {
        current = null;
        setListening(false);
      }
    }
  }

  private void setListening(boolean value) {
    synchronized (lock) {
      listening = value;
      lock.notifyAll();
    }
  }

  private void poll(Connection connection) throws SQLException {
    PGConnection pg = connection.unwrap(PGConnection.class);
    long lastTraffic = System.nanoTime();
    while (!stopped()) {
      PGNotification[] notifications = pg.getNotifications(pollMillis);
      if (notifications != null && notifications.length > 0) {
        lastTraffic = System.nanoTime();
        handle(connection, notifications);
      } else if (System.nanoTime() - lastTraffic > idleCheck.toNanos()) {
        // A half-open connection never fails a poll; a query does, within the socket timeout.
        try (Statement statement = connection.createStatement()) {
          statement.execute("SELECT 1");
        }
        lastTraffic = System.nanoTime();
      }
    }
  }

  private void handle(Connection connection, PGNotification[] notifications) throws SQLException {
    List<Long> wanted = new ArrayList<>();
    long newest = lastSeen;
    for (PGNotification notification : notifications) {
      String payload = notification.getParameter();
      int colon = payload.lastIndexOf(':');
      long id;
      try {
        id = Long.parseLong(payload.substring(colon + 1));
      } catch (NumberFormatException e) {
        LOG.warn("ignoring a notification that is not an outbox id: {}", payload);
        continue;
      }
      newest = Math.max(newest, id);
      if (payload.substring(0, Math.max(0, colon)).equals(nodeId)) {
        remember(id); // published here: this node's own sockets have it already
      } else if (!handled.contains(id)) {
        wanted.add(id);
      }
    }
    if (!wanted.isEmpty()) {
      fetch(connection, wanted);
    }
    // Only now: had the connection died during the fetch, the catch-up would re-read these rows.
    lastSeen = newest;
  }

  private void fetch(Connection connection, List<Long> wanted) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(BY_IDS)) {
      Array ids = connection.createArrayOf("bigint", wanted.toArray());
      query.setArray(1, ids);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          dispatch(rows.getLong(1), rows.getString(2));
        }
      }
    }
  }

  /** Replays the rows written while this node was not listening; returns how many it handed on. */
  private int catchUp(Connection connection) throws SQLException {
    int replayed = 0;
    while (true) {
      int page = 0;
      try (PreparedStatement query = connection.prepareStatement(AFTER)) {
        query.setLong(1, lastSeen);
        query.setInt(2, CATCH_UP_PAGE);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            page++;
            long id = rows.getLong(1);
            lastSeen = Math.max(lastSeen, id);
            if (dispatch(id, rows.getString(2))) {
              replayed++;
            }
          }
        }
      }
      if (page < CATCH_UP_PAGE) {
        return replayed;
      }
    }
  }

  private static long maxId(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT coalesce(max(id), 0) FROM event_outbox")) {
      row.next();
      return row.getLong(1);
    }
  }

  /** Hands one outbox row to the receiver, once; true when it was handed over. */
  private boolean dispatch(long id, String payload) {
    if (!remember(id)) {
      return false;
    }
    ClusterEnvelope envelope;
    try {
      envelope = ClusterEnvelope.decode(payload);
    } catch (IllegalArgumentException e) {
      // Another version's row, or not ours: one lost message, not a stuck listener.
      LOG.warn("dropping outbox row {} that is not a cluster envelope: {}", id, e.getMessage());
      return false;
    }
    if (envelope.origin().equals(nodeId)) {
      return false;
    }
    try {
      receiver.accept(envelope.message());
    } catch (RuntimeException e) {
      LOG.warn("this node failed to handle outbox row {}", id, e);
    }
    return true;
  }

  /** Records an id as handled; false when it was already. Bounded: the oldest ids go first. */
  private boolean remember(long id) {
    if (!handled.add(id)) {
      return false;
    }
    if (handled.size() > REMEMBERED_IDS) {
      Iterator<Long> oldest = handled.iterator();
      oldest.next();
      oldest.remove();
    }
    return true;
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("closing the listener connection failed", e);
      }
    }
  }
}

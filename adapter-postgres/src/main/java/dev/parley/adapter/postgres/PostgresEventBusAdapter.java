package dev.parley.adapter.postgres;

import dev.parley.application.port.out.EventDeliveryPort;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.presence.ConnectionId;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event bus of a multi-node deployment: an {@link EventDeliveryPort} that decorates this node's
 * own delivery (the WebSocket sessions it holds) and hands every {@code deliver} and {@code
 * disconnect} to the other nodes through PostgreSQL.
 *
 * <p><b>Publishing.</b> The call is first handed to the local delivery (the connections this node
 * holds get it at once), then one statement writes the encoded envelope ({@link
 * PostgresEventCodec}) into {@code event_outbox} and {@code NOTIFY}s its id, always: a NOTIFY
 * payload is limited to 8,000 bytes and a message may be 64 KB, and the outbox is also what a node
 * re-reads after it lost its listening connection. The notification payload is {@code <origin
 * node>:<outbox id>}, so the publisher skips its own events without a query. Publishing is best
 * effort, like all delivery: when the database is down it logs and returns (clients resume by
 * sequence).
 *
 * <p><b>Listening.</b> A dedicated daemon thread holds its own connection (not from the pool), runs
 * {@code LISTEN} on the channel of the schema, and polls {@link
 * PGConnection#getNotifications(int)}; it reads the notified rows by id and hands each envelope to
 * the local delivery, which ignores connection ids it does not hold. When that connection is lost
 * it reconnects with exponential backoff (100 ms to 5 s) and, once listening again, re-reads every
 * outbox row with an id above the highest it had seen, so events published meanwhile are not
 * dropped silently as long as they are still in the outbox (see {@link #purgeOutboxBefore}).
 * Clients can always resume by sequence anyway: the bus is best effort, the message store is the
 * truth.
 *
 * <p>{@link #start()} starts the thread, {@link #close()} stops it. Thread-safe.
 */
public final class PostgresEventBusAdapter implements EventDeliveryPort, AutoCloseable {
  /** The channel of the default schema; other schemas append {@code _<schema>}. */
  public static final String CHANNEL = "parley_events";

  /** How long outbox rows are kept by default: well above any reconnect. */
  public static final Duration DEFAULT_RETENTION = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(PostgresEventBusAdapter.class);
  private static final String PUBLISH =
      "WITH ins AS (INSERT INTO event_outbox (payload) VALUES (?) RETURNING id)"
          + " SELECT pg_notify(?, ? || ':' || id) FROM ins";
  private static final String BY_IDS =
      "SELECT id, payload FROM event_outbox WHERE id = ANY(?) ORDER BY id";
  private static final String AFTER =
      "SELECT id, payload FROM event_outbox WHERE id > ? ORDER BY id LIMIT ?";
  private static final String PURGE = "DELETE FROM event_outbox WHERE created_at < ?";
  private static final int CATCH_UP_PAGE = 1_000;
  private static final int REMEMBERED_IDS = 10_000;
  private static final Duration MIN_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  /** Opens the listening connection; replaceable in tests. */
  @FunctionalInterface
  interface ConnectionOpener {
    Connection open() throws SQLException;
  }

  private final String nodeId = UUID.randomUUID().toString();
  private final String channel;
  private final Jdbc jdbc;
  private final EventDeliveryPort local;
  private final ConnectionOpener opener;
  private final int pollMillis;
  private final Duration idleCheck;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final Object lock = new Object();
  private final AtomicInteger connects = new AtomicInteger();

  // Owned by the listener thread.
  private final LinkedHashSet<Long> handled = new LinkedHashSet<>();
  private long lastSeen = -1;

  private volatile boolean listening;
  private volatile Connection current;
  private Thread thread;

  /**
   * @param config where the listening connection goes (same database, user and schema as the pool)
   * @param dataSource the pool, for publishing and purging
   * @param local this node's own delivery
   */
  public PostgresEventBusAdapter(
      PostgresConfig config, DataSource dataSource, EventDeliveryPort local) {
    this(
        channelOf(config.schema()),
        dataSource,
        local,
        () -> openListener(config),
        Duration.ofMillis(250),
        Duration.ofSeconds(10));
  }

  PostgresEventBusAdapter(
      String channel,
      DataSource dataSource,
      EventDeliveryPort local,
      ConnectionOpener opener,
      Duration poll,
      Duration idleCheck) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.jdbc = new Jdbc(Objects.requireNonNull(dataSource, "dataSource"));
    this.local = Objects.requireNonNull(local, "local");
    this.opener = Objects.requireNonNull(opener, "opener");
    this.pollMillis = Math.toIntExact(Math.max(1, poll.toMillis()));
    this.idleCheck = Objects.requireNonNull(idleCheck, "idleCheck");
  }

  /** The notification channel of a schema: one bus per schema, even in a shared database. */
  public static String channelOf(String schema) {
    if (schema == null || schema.isBlank()) {
      return CHANNEL;
    }
    String name = (CHANNEL + "_" + schema).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    // Identifiers are at most 63 bytes.
    return name.length() > 63 ? name.substring(0, 63) : name;
  }

  /** Starts the listener thread; returns at once (see {@link #awaitListening}). */
  public void start() {
    synchronized (lock) {
      if (thread != null) {
        throw new IllegalStateException("the event bus starts once");
      }
      thread = Thread.ofPlatform().name("parley-event-listener").daemon().unstarted(this::listen);
      thread.start();
    }
  }

  /** Waits until the listener has run {@code LISTEN}; false when it has not within the timeout. */
  public boolean awaitListening(Duration timeout) throws InterruptedException {
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
  public boolean isListening() {
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

  @Override
  public void deliver(ChatEvent event, Collection<ConnectionId> recipients) {
    try {
      local.deliver(event, recipients);
    } catch (RuntimeException e) {
      LOG.warn("local delivery of {} failed", event.getClass().getSimpleName(), e);
    }
    if (!recipients.isEmpty()) {
      publish(PostgresEventCodec.deliver(nodeId, event, recipients));
    }
  }

  @Override
  public void disconnect(Collection<ConnectionId> connections, DisconnectReason reason) {
    try {
      local.disconnect(connections, reason);
    } catch (RuntimeException e) {
      LOG.warn("local disconnect failed", e);
    }
    if (!connections.isEmpty()) {
      publish(PostgresEventCodec.disconnect(nodeId, connections, reason));
    }
  }

  /**
   * Deletes outbox rows written before {@code before}; the caller schedules it. A node that stays
   * disconnected longer than the retention misses those events (its clients resume by sequence).
   * Returns how many rows were deleted.
   */
  public int purgeOutboxBefore(Instant before) {
    return jdbc.autocommit(
        "purge event outbox",
        c -> {
          try (PreparedStatement delete = c.prepareStatement(PURGE)) {
            Rows.setInstant(delete, 1, before);
            return delete.executeUpdate();
          }
        });
  }

  /** Stops the listener thread and closes its connection; waits up to 5 s for it. */
  @Override
  public void close() {
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

  private void publish(String payload) {
    try {
      jdbc.autocommit(
          "publish event",
          c -> {
            try (PreparedStatement insert = c.prepareStatement(PUBLISH)) {
              insert.setString(1, payload);
              insert.setString(2, channel);
              insert.setString(3, nodeId);
              try (ResultSet ignored = insert.executeQuery()) {
                return null;
              }
            }
          });
    } catch (RuntimeException e) {
      // Best effort: the other nodes miss this one; their clients resume by sequence.
      LOG.warn("event not published to the other nodes: {}", e.getMessage());
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
          LOG.info("event listener reconnected; {} missed events replayed", replayed);
        }
        setListening(true);
        LOG.debug("event listener #{} listening on {}", count, channel);
        backoff = MIN_BACKOFF;
        poll(connection);
      } catch (SQLException | RuntimeException e) {
        if (stopped()) {
          return;
        }
        setListening(false);
        LOG.warn(
            "event listener lost its connection ({}); reconnecting in {} ms",
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
        remember(id); // published here, delivered locally already
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

  /** Replays the rows written while this node was not listening; returns how many it delivered. */
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

  /** Hands one outbox row to the local delivery, once; true when it was delivered. */
  private boolean dispatch(long id, String payload) {
    if (!remember(id)) {
      return false;
    }
    PostgresEventCodec.Envelope envelope;
    try {
      envelope = PostgresEventCodec.decode(payload);
    } catch (RuntimeException e) {
      LOG.warn("ignoring outbox row {} that cannot be decoded: {}", id, e.getMessage());
      return false;
    }
    if (envelope.origin().equals(nodeId)) {
      return false;
    }
    try {
      switch (envelope) {
        case PostgresEventCodec.Deliver deliver ->
            local.deliver(deliver.event(), deliver.recipients());
        case PostgresEventCodec.Disconnect disconnect ->
            local.disconnect(disconnect.recipients(), disconnect.reason());
      }
    } catch (RuntimeException e) {
      LOG.warn("local delivery of outbox row {} failed", id, e);
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

  static Connection openListener(PostgresConfig config) throws SQLException {
    Properties properties = new Properties();
    if (config.user() != null) {
      properties.setProperty("user", config.user());
    }
    if (config.password() != null) {
      properties.setProperty("password", config.password());
    }
    if (config.schema() != null) {
      properties.setProperty("currentSchema", config.schema());
    }
    properties.setProperty("ApplicationName", config.applicationName() + "-listener");
    properties.setProperty(
        "connectTimeout", Long.toString(Math.max(1, config.connectionTimeout().toSeconds())));
    properties.setProperty(
        "socketTimeout", Long.toString(Math.max(1, config.socketTimeout().toSeconds())));
    properties.setProperty("tcpKeepAlive", "true");
    return DriverManager.getConnection(config.url(), properties);
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

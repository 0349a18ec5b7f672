package dev.parley.bus.postgres;

import dev.parley.application.error.StoreUnavailableException;
import dev.parley.protocol.cluster.ClusterBus;
import dev.parley.protocol.cluster.ClusterEnvelope;
import dev.parley.protocol.cluster.ClusterMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ClusterBus} of nodes that share one PostgreSQL database: messages go through the
 * {@code event_outbox} table (created by the store's migrations) and {@code NOTIFY}.
 *
 * <p><b>Publishing.</b> One statement writes the {@link ClusterEnvelope} into {@code event_outbox}
 * and {@code NOTIFY}s its id, always: a NOTIFY payload is limited to 8,000 bytes and a frame may
 * carry a 64 KB message, and the outbox is also what a node re-reads after it lost its listening
 * connection. The notification payload is {@code <origin node>:<outbox id>}, so the publisher skips
 * its own messages without a query. Publishing is best effort, like all delivery: when the database
 * is down it logs and returns (clients resume by sequence).
 *
 * <p><b>Listening.</b> A dedicated daemon thread holds its own connection (not from the pool), runs
 * {@code LISTEN} on the channel of the schema, and polls {@link
 * PGConnection#getNotifications(int)}; it reads the notified rows by id and hands each message to
 * the receiver. An envelope it cannot read is logged and dropped. When that connection is lost it
 * reconnects with exponential backoff (100 ms to 5 s) and, once listening again, re-reads every
 * outbox row with an id above the highest it had seen, so messages published meanwhile are not
 * dropped silently as long as they are still in the outbox (see {@link #purgeOutboxBefore}).
 *
 * <p>{@link #start} starts the thread, {@link #close()} stops it. Thread-safe.
 */
public final class PostgresClusterBus implements ClusterBus {
  /** The channel of the default schema; other schemas append {@code _<schema>}. */
  public static final String CHANNEL = "parley_events";

  /** How long outbox rows are kept by default: well above any reconnect. */
  public static final Duration DEFAULT_RETENTION = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(PostgresClusterBus.class);
  private static final String PUBLISH =
      "WITH ins AS (INSERT INTO event_outbox (payload) VALUES (?) RETURNING id)"
          + " SELECT pg_notify(?, ? || ':' || id) FROM ins";
  private static final String PURGE = "DELETE FROM event_outbox WHERE created_at < ?";

  /** Opens the listening connection; replaceable in tests. */
  @FunctionalInterface
  interface ConnectionOpener {
    Connection open() throws SQLException;
  }

  private final String nodeId = UUID.randomUUID().toString();
  private final String channel;
  private final DataSource dataSource;
  private final OutboxListener listener;

  /**
   * @param config where the listening connection goes (same database, user and schema as the pool)
   * @param dataSource the pool, for publishing and purging
   */
  public PostgresClusterBus(PostgresBusConfig config, DataSource dataSource) {
    this(
        channelOf(config.schema()),
        dataSource,
        () -> openListener(config),
        Duration.ofMillis(250),
        Duration.ofSeconds(10));
  }

  PostgresClusterBus(
      String channel,
      DataSource dataSource,
      ConnectionOpener opener,
      Duration poll,
      Duration idleCheck) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.listener = new OutboxListener(nodeId, channel, opener, poll, idleCheck);
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
  @Override
  public void start(Consumer<ClusterMessage> receiver) {
    listener.start(receiver);
  }

  /** Waits until the listener has run {@code LISTEN}; false when it has not within the timeout. */
  public boolean awaitListening(Duration timeout) throws InterruptedException {
    return listener.awaitListening(timeout);
  }

  /** Whether the listening connection is up. */
  public boolean isListening() {
    return listener.isListening();
  }

  /** Whether the listener thread is running. */
  boolean threadAlive() {
    return listener.threadAlive();
  }

  /** How many times the listener has connected (1 after the start, +1 per reconnect). */
  int connects() {
    return listener.connects();
  }

  @Override
  public void publish(ClusterMessage message) {
    String payload = new ClusterEnvelope(nodeId, message).encode();
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert = c.prepareStatement(PUBLISH)) {
      insert.setString(1, payload);
      insert.setString(2, channel);
      insert.setString(3, nodeId);
      try (ResultSet ignored = insert.executeQuery()) {
        // The row is written and notified.
      }
    } catch (SQLException | RuntimeException e) {
      // Best effort, and on the poster's thread: the other nodes miss this one; their clients
      // resume by sequence, and the post itself already succeeded in the store.
      LOG.warn("message not published to the other nodes: {}", e.getMessage());
    }
  }

  /**
   * Deletes outbox rows written before {@code before}; the caller schedules it. A node that stays
   * disconnected longer than the retention misses those events (its clients resume by sequence).
   * Returns how many rows were deleted.
   */
  public int purgeOutboxBefore(Instant before) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete = c.prepareStatement(PURGE)) {
      delete.setObject(1, OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new StoreUnavailableException("purge of the event outbox failed", null, e);
    }
  }

  /** Stops the listener thread and closes its connection; waits up to 5 s for it. */
  @Override
  public void close() {
    listener.close();
  }

  static Connection openListener(PostgresBusConfig config) throws SQLException {
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
        "connectTimeout", Long.toString(Math.max(1, config.connectTimeout().toSeconds())));
    properties.setProperty(
        "socketTimeout", Long.toString(Math.max(1, config.socketTimeout().toSeconds())));
    properties.setProperty("tcpKeepAlive", "true");
    return DriverManager.getConnection(config.url(), properties);
  }
}

package dev.parley.bus.redis;

import dev.parley.protocol.cluster.ClusterBus;
import dev.parley.protocol.cluster.ClusterEnvelope;
import dev.parley.protocol.cluster.ClusterMessage;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ClusterBus} of nodes that share one Redis or Valkey (ElastiCache): each message is one
 * {@code PUBLISH} of its {@link ClusterEnvelope} on the deployment's channel ({@link
 * RedisBusConfig#channel()}), which every other node's subscription hands to its receiver. The
 * envelope names the sending node, so a node drops its own messages when they come back.
 *
 * <p><b>Order.</b> One connection publishes, one subscribes: Redis delivers a publisher's messages
 * to a subscriber in the order it received them, so what one node publishes in order arrives in
 * order.
 *
 * <p><b>Losing Redis.</b> Pub/sub keeps nothing: what is published while a node is cut off never
 * reaches it. Lettuce reconnects both connections with backoff and subscribes again; meanwhile
 * {@link #publish} drops messages (with one log line per outage) instead of queueing or throwing,
 * and the clients of a node that missed events fill the gap by resuming by sequence from the store,
 * which is the truth. Before the first connection, {@link #start} retries in the background, so a
 * node starts even while Redis is not yet up.
 *
 * <p>Messages reach the receiver on Lettuce's I/O thread. Thread-safe.
 */
public final class RedisClusterBus implements ClusterBus {
  private static final Logger LOG = LoggerFactory.getLogger(RedisClusterBus.class);
  private static final Duration MIN_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final String nodeId = UUID.randomUUID().toString();
  private final RedisBusConfig config;
  private final String channel;
  private final RedisClient client;
  private final Object lock = new Object();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean publishFailing = new AtomicBoolean();
  private final AtomicInteger subscriptions = new AtomicInteger();

  private volatile Consumer<ClusterMessage> receiver;
  private volatile StatefulRedisConnection<String, String> publisher;
  private volatile StatefulRedisPubSubConnection<String, String> subscriber;
  private volatile boolean subscribed;
  private Thread connector;

  public RedisClusterBus(RedisBusConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.channel = config.channel();
    this.client = RedisClient.create(RedisURI.create(config.url()));
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            // Queueing while cut off would replay stale frames later and grow without bound.
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(
                SocketOptions.builder().connectTimeout(config.timeout()).keepAlive(true).build())
            .timeoutOptions(TimeoutOptions.enabled(config.timeout()))
            .build());
  }

  /** The node id this bus puts on its envelopes. */
  public String nodeId() {
    return nodeId;
  }

  /**
   * Connects and subscribes in the background, retrying until Redis answers; returns at once (see
   * {@link #awaitSubscribed}).
   */
  @Override
  public void start(Consumer<ClusterMessage> receiver) {
    Objects.requireNonNull(receiver, "receiver");
    synchronized (lock) {
      if (connector != null) {
        throw new IllegalStateException("the cluster bus starts once");
      }
      if (closed.get()) {
        throw new IllegalStateException("the cluster bus is closed");
      }
      this.receiver = receiver;
      connector =
          Thread.ofPlatform().name("parley-redis-bus-connect").daemon().unstarted(this::connect);
      connector.start();
    }
  }

  /** Waits until the subscription is active; false when it is not within the timeout. */
  public boolean awaitSubscribed(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (!subscribed) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || closed.get()) {
          return subscribed;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return true;
    }
  }

  /** Whether the subscription is active now. */
  public boolean isSubscribed() {
    return subscribed;
  }

  /** How many times the channel was subscribed (1 after the start, +1 per reconnect). */
  public int subscriptions() {
    return subscriptions.get();
  }

  @Override
  public void publish(ClusterMessage message) {
    StatefulRedisConnection<String, String> connection = publisher;
    if (connection == null || closed.get()) {
      failed("not connected to Redis yet");
      return;
    }
    String payload = new ClusterEnvelope(nodeId, message).encode();
    try {
      // Asynchronous: the poster's thread never waits for Redis; one connection keeps the order.
      connection
          .async()
          .publish(channel, payload)
          .whenComplete(
              (receivers, error) -> {
                if (error != null) {
                  failed(error.getMessage());
                } else if (publishFailing.compareAndSet(true, false)) {
                  LOG.info("cluster bus publishing to Redis again");
                }
              });
    } catch (RuntimeException e) {
      failed(e.getMessage());
    }
  }

  /** One line per outage, not one per message: an outage may last thousands of posts. */
  private void failed(String why) {
    if (publishFailing.compareAndSet(false, true)) {
      LOG.warn(
          "messages not published to the other nodes until Redis answers again ({}); their"
              + " clients resume by sequence",
          why);
    }
  }

  /** Closes both connections and the client; idempotent; waits up to a few seconds. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    Thread running;
    synchronized (lock) {
      closing.countDown();
      subscribed = false;
      lock.notifyAll();
      running = connector;
    }
    if (running != null) {
      try {
        running.join(config.timeout().plusSeconds(1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    closeQuietly(subscriber);
    closeQuietly(publisher);
    try {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    } catch (RuntimeException e) {
      LOG.debug("shutting the Redis client down failed", e);
    }
  }

  private void connect() {
    Duration backoff = MIN_BACKOFF;
    while (closing.getCount() > 0) {
      try {
        if (publisher == null) {
          publisher = client.connect(StringCodec.UTF8, uri("-pub"));
        }
        StatefulRedisPubSubConnection<String, String> connection =
            client.connectPubSub(StringCodec.UTF8, uri("-sub"));
        connection.addListener(new Listener());
        connection.addListener(new ConnectionState());
        subscriber = connection;
        connection.sync().subscribe(channel);
        LOG.info("cluster bus subscribed to {} on {}", channel, config.redactedUrl());
        // From here on, Lettuce's own reconnect re-subscribes.
        return;
      } catch (RuntimeException e) {
        closeQuietly(subscriber);
        subscriber = null;
        LOG.warn(
            "cluster bus cannot reach Redis at {} ({}); retrying in {} ms",
            config.redactedUrl(),
            e.getMessage(),
            backoff.toMillis());
        try {
          if (closing.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
            return;
          }
        } catch (InterruptedException interrupted) {
          return;
        }
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
      }
    }
  }

  private RedisURI uri(String role) {
    RedisURI uri = RedisURI.create(config.url());
    uri.setClientName(config.clientName() + role);
    uri.setTimeout(config.timeout());
    return uri;
  }

  private void setSubscribed(boolean value) {
    synchronized (lock) {
      subscribed = value && !closed.get();
      lock.notifyAll();
    }
  }

  private void deliver(String payload) {
    ClusterEnvelope envelope;
    try {
      envelope = ClusterEnvelope.decode(payload);
    } catch (IllegalArgumentException e) {
      // Another version's message, or not ours: one lost message, not a stuck subscription.
      LOG.warn("dropping a message that is not a cluster envelope: {}", e.getMessage());
      return;
    }
    if (envelope.origin().equals(nodeId)) {
      return; // this node's own sockets have it already
    }
    try {
      receiver.accept(envelope.message());
    } catch (RuntimeException e) {
      LOG.warn("this node failed to handle a cluster message", e);
    }
  }

  private static void closeQuietly(StatefulConnection<?, ?> connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (RuntimeException e) {
        LOG.debug("closing a Redis connection failed", e);
      }
    }
  }

  private final class Listener extends RedisPubSubAdapter<String, String> {
    @Override
    public void message(String from, String message) {
      if (channel.equals(from) && !closed.get()) {
        deliver(message);
      }
    }

    @Override
    public void subscribed(String to, long count) {
      if (channel.equals(to)) {
        int times = subscriptions.incrementAndGet();
        if (times > 1) {
          LOG.info("cluster bus subscribed to {} again after a reconnect", channel);
        }
        setSubscribed(true);
      }
    }
  }

  private final class ConnectionState implements RedisConnectionStateListener {
    @Override
    public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
      if (!closed.get()) {
        LOG.warn("cluster bus lost its Redis subscription; reconnecting");
      }
      setSubscribed(false);
    }
  }
}

package dev.parley.bus.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.parley.protocol.cluster.ClusterBus;
import dev.parley.protocol.cluster.ClusterBusContract;
import dev.parley.protocol.cluster.ClusterMessage;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The cluster bus contract on the machine's Redis, and what only pub/sub has: reconnects. */
class RedisClusterBusTest extends ClusterBusContract {
  private static final Duration WAIT = Duration.ofSeconds(WAIT_SECONDS);

  private static RedisClient admin;
  private static StatefulRedisConnection<String, String> adminConnection;

  // One deployment per test: a fresh prefix, so that no other test's buses hear this one's.
  private final String prefix = "parley-test-" + UUID.randomUUID();

  @BeforeAll
  static void connectAdmin() {
    admin = RedisClient.create(TestRedis.url());
    adminConnection = admin.connect();
  }

  @AfterAll
  static void closeAdmin() {
    if (adminConnection != null) {
      adminConnection.close();
    }
    if (admin != null) {
      admin.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  private RedisBusConfig config() {
    return RedisBusConfig.of(TestRedis.url())
        .withChannelPrefix(prefix)
        .withClientName("bus-" + UUID.randomUUID());
  }

  @Override
  protected ClusterBus openBus() {
    return new RedisClusterBus(config());
  }

  @Override
  protected void awaitListening(ClusterBus bus) throws InterruptedException {
    assertThat(((RedisClusterBus) bus).awaitSubscribed(WAIT)).as("subscribed").isTrue();
  }

  /** Kills both of the bus's connections on the server, as a failover or a network cut would. */
  @Override
  protected void killTransport(ClusterBus bus) {
    RedisCommands<String, String> redis = adminConnection.sync();
    redis.clientKill(KillArgs.Builder.typePubsub());
    redis.clientKill(KillArgs.Builder.typeNormal().skipme());
  }

  @Test
  void afterItsSubscriptionIsKilledANodeResubscribesAndMessagesFlowAgain() throws Exception {
    Recorder nodeB = new Recorder();
    ClusterBus a = node(new Recorder());
    RedisClusterBus b = (RedisClusterBus) node(nodeB);
    assertThat(b.subscriptions()).isEqualTo(1);

    long killed = adminConnection.sync().clientKill(KillArgs.Builder.typePubsub());

    assertThat(killed).as("pub/sub connections killed").isGreaterThanOrEqualTo(2);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (b.subscriptions() < 2 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(b.subscriptions()).as("subscribed again").isEqualTo(2);
    assertThat(b.awaitSubscribed(WAIT)).isTrue();
    ClusterMessage after = frame("after the reconnect");
    a.publish(after);
    assertThat(nodeB.next()).isEqualTo(after);
    assertThat(nodeB.pending()).isZero();
  }

  @Test
  void twoDeploymentsOnOneRedisNeverHearEachOther() throws Exception {
    Recorder here = new Recorder();
    Recorder elsewhere = new Recorder();
    ClusterBus a = node(here);
    RedisClusterBus other =
        new RedisClusterBus(config().withChannelPrefix("parley-other-" + UUID.randomUUID()));
    try {
      other.start(elsewhere);
      assertThat(other.awaitSubscribed(WAIT)).isTrue();
      ClusterBus b = node(new Recorder());

      other.publish(frame("not for you"));
      ClusterMessage mine = frame("for you");
      b.publish(mine);

      assertThat(here.next()).isEqualTo(mine);
      assertThat(here.pending()).isZero();
      assertThat(elsewhere.pending()).isZero();
      assertThat(a).isNotNull();
    } finally {
      other.close();
    }
  }

  @Test
  void aMessageThatIsNotAnEnvelopeIsDroppedWithALogLineAndTheNextOneStillArrives()
      throws Exception {
    Logger log = (Logger) LoggerFactory.getLogger(RedisClusterBus.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    log.addAppender(lines);
    try {
      Recorder nodeB = new Recorder();
      ClusterBus a = node(new Recorder());
      node(nodeB);
      adminConnection.sync().publish(prefix + ":cluster", "{\"not\":1}");
      ClusterMessage after = frame("after");

      a.publish(after);

      assertThat(nodeB.next()).isEqualTo(after);
      assertThat(nodeB.pending()).isZero();
      assertThat(lines.list)
          .anySatisfy(
              line -> assertThat(line.getFormattedMessage()).contains("not a cluster envelope"));
    } finally {
      log.detachAppender(lines);
    }
  }

  @Test
  void aNodeWhoseRedisIsDownStartsPublishesWithoutThrowingAndCloses() throws Exception {
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    RedisClusterBus bus =
        new RedisClusterBus(
            new RedisBusConfig(
                "redis://127.0.0.1:1", prefix, "bus-nowhere", Duration.ofMillis(500)));

    bus.start(new Recorder());

    assertThat(bus.awaitSubscribed(Duration.ofMillis(300))).isFalse();
    assertThatCode(() -> bus.publish(frame("nobody hears"))).doesNotThrowAnyException();
    assertThatCode(bus::close).doesNotThrowAnyException();
    assertThatCode(bus::close).doesNotThrowAnyException();
  }

  @Test
  void theConfigNeverPrintsThePassword() {
    RedisBusConfig config = RedisBusConfig.of("redis://user:secret@cache.example:6379");

    assertThat(config.toString()).doesNotContain("secret").contains("cache.example:6379");
    assertThat(config.channel()).isEqualTo("parley:cluster");
  }
}

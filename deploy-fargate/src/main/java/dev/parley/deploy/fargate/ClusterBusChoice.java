package dev.parley.deploy.fargate;

import dev.parley.bus.redis.RedisBusConfig;
import dev.parley.bus.redis.RedisClusterBus;
import dev.parley.deploy.fargate.FargateSettings.Store;
import dev.parley.protocol.cluster.ClusterBus;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Which cluster bus a Fargate deployment runs ({@value #ENV_BUS}), and the Redis settings when it
 * is Redis. Unset, the store decides as it always has: PostgreSQL runs its LISTEN/NOTIFY bus,
 * DynamoDB runs a single node. Combinations that cannot work are refused at start: the PostgreSQL
 * bus needs the PostgreSQL store (it writes an outbox table there), and the in-memory store lives
 * in one process, so it has no other node to tell.
 *
 * @param redis where Redis is; null unless the kind is {@link Kind#REDIS}
 */
public record ClusterBusChoice(Kind kind, RedisBusConfig redis) {
  /** The variable that selects the bus: none, postgres or redis. */
  public static final String ENV_BUS = "CHAT_BUS";

  /** The Redis URL for {@code CHAT_BUS=redis}, e.g. {@code redis://127.0.0.1:6379}. */
  public static final String ENV_REDIS_URL = "CHAT_REDIS_URL";

  /**
   * Names the deployment's channel ({@code <prefix>:cluster}, default {@value
   * RedisBusConfig#DEFAULT_CHANNEL_PREFIX}): deployments sharing one Redis need different ones.
   */
  public static final String ENV_REDIS_CHANNEL_PREFIX = "CHAT_REDIS_CHANNEL_PREFIX";

  /** A single node. */
  public static final ClusterBusChoice NONE = new ClusterBusChoice(Kind.NONE, null);

  /** The PostgreSQL store's LISTEN/NOTIFY bus. */
  public static final ClusterBusChoice POSTGRES = new ClusterBusChoice(Kind.POSTGRES, null);

  /** The buses a Fargate task can run. */
  public enum Kind {
    NONE,
    POSTGRES,
    REDIS;

    /** The name in {@value #ENV_BUS} and on the sample's command line. */
    public String flag() {
      return name().toLowerCase(Locale.ROOT);
    }

    static String names() {
      return Arrays.stream(values()).map(Kind::flag).collect(Collectors.joining("|"));
    }
  }

  public ClusterBusChoice {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.REDIS) != (redis != null)) {
      throw new IllegalArgumentException("a Redis configuration goes with the redis bus");
    }
  }

  /** The Redis bus with these settings. */
  public static ClusterBusChoice redis(RedisBusConfig config) {
    return new ClusterBusChoice(Kind.REDIS, Objects.requireNonNull(config, "config"));
  }

  /** What runs when nothing is chosen: the PostgreSQL bus on PostgreSQL, else a single node. */
  public static ClusterBusChoice defaultFor(Store store) {
    return store == Store.POSTGRES ? POSTGRES : NONE;
  }

  /** Reads {@value #ENV_BUS} and the Redis variables for a deployment on {@code store}. */
  public static ClusterBusChoice fromEnvironment(Map<String, String> env, Store store) {
    return of(env.get(ENV_BUS), ENV_BUS, store, env);
  }

  /**
   * The bus named by {@code value} (blank: the store's default) for a deployment on {@code store}.
   *
   * @param source where the value came from ({@code --bus}, {@value #ENV_BUS}), for messages
   * @throws IllegalArgumentException with a one-line message naming what is wrong
   */
  public static ClusterBusChoice of(
      String value, String source, Store store, Map<String, String> env) {
    if (value == null || value.isBlank()) {
      return defaultFor(store);
    }
    String name = value.strip().toUpperCase(Locale.ROOT);
    Kind kind =
        Arrays.stream(Kind.values())
            .filter(k -> k.name().equals(name))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        source + " must be one of " + Kind.names() + ", was: '" + value + "'"));
    return switch (kind) {
      case NONE -> NONE;
      case POSTGRES -> {
        if (store != Store.POSTGRES) {
          throw new IllegalArgumentException(
              source
                  + "=postgres needs the postgres store (its outbox lives there), not "
                  + store.flag()
                  + ": use redis to run several nodes on "
                  + store.flag());
        }
        yield POSTGRES;
      }
      case REDIS -> {
        if (store == Store.MEMORY) {
          throw new IllegalArgumentException(
              source
                  + "=redis needs a store that nodes share (postgres or dynamodb): the memory"
                  + " store lives inside one process");
        }
        String url = env.get(ENV_REDIS_URL);
        if (url == null || url.isBlank()) {
          throw new IllegalArgumentException(
              source + "=redis needs " + ENV_REDIS_URL + ", e.g. redis://127.0.0.1:6379");
        }
        String prefix = env.get(ENV_REDIS_CHANNEL_PREFIX);
        RedisBusConfig config = RedisBusConfig.of(url.strip()).withClientName("parley-node");
        yield redis(
            prefix == null || prefix.isBlank() ? config : config.withChannelPrefix(prefix.strip()));
      }
    };
  }

  /** The bus for a store without one of its own: Redis, or {@link ClusterBus#NONE}. */
  ClusterBus redisOrNone() {
    return switch (kind) {
      case NONE -> ClusterBus.NONE;
      case REDIS -> new RedisClusterBus(redis);
      case POSTGRES -> throw new IllegalStateException("the postgres bus needs the postgres store");
    };
  }

  /** For the startup log line. */
  public String describe() {
    return switch (kind) {
      case NONE -> "no cluster bus: a single node";
      case POSTGRES -> "PostgreSQL LISTEN/NOTIFY cluster bus";
      case REDIS -> "Redis cluster bus at " + redis.redactedUrl() + ", channel " + redis.channel();
    };
  }
}

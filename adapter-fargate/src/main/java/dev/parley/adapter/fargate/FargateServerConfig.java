package dev.parley.adapter.fargate;

import dev.parley.protocol.http.CorsPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where {@link ChatServer} listens and how long it may take to shut down.
 *
 * @param host the address to bind, such as {@code 0.0.0.0} (every interface, as in a container) or
 *     {@code 127.0.0.1}; never blank
 * @param port 0 to 65535; 0 binds an ephemeral port (tests), see {@link ChatServer#port()}
 * @param drainTimeout how long {@link ChatServer#stop()} lets in-flight requests finish and
 *     WebSockets close; positive and at most {@link #MAX_DRAIN}
 * @param cors which web origins may call the API from a browser; {@link
 *     CorsPolicy#SAME_ORIGIN_ONLY} unless {@value CorsPolicy#ENV_ALLOWED_ORIGINS} lists some
 */
public record FargateServerConfig(String host, int port, Duration drainTimeout, CorsPolicy cors) {

  /** Under ECS's default 30 s stop timeout, so the drain ends before ECS sends SIGKILL. */
  public static final Duration DEFAULT_DRAIN = Duration.ofSeconds(25);

  /** ECS allows a stop timeout of at most 120 s; this leaves the JVM time to exit after it. */
  public static final Duration MAX_DRAIN = Duration.ofSeconds(115);

  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8080;

  /** Environment variable: the address to bind; {@value #DEFAULT_HOST} when unset. */
  public static final String ENV_HOST = "CHAT_HOST";

  /** Environment variable: the port, 0-65535; {@value #DEFAULT_PORT} when unset. */
  public static final String ENV_PORT = "CHAT_PORT";

  /** Environment variable: the drain timeout in whole seconds, 1-115; 25 when unset. */
  public static final String ENV_DRAIN_SECONDS = "CHAT_DRAIN_SECONDS";

  /** Echoed bad values are cut to this length: the message goes to a startup log. */
  private static final int MAX_ECHOED_VALUE = 40;

  public FargateServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(drainTimeout, "drainTimeout");
    Objects.requireNonNull(cors, "cors");
    if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("host must be a host name or address, was '" + host + "'");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be from 0 to 65535, was " + port);
    }
    if (drainTimeout.isNegative()
        || drainTimeout.isZero()
        || drainTimeout.compareTo(MAX_DRAIN) > 0) {
      throw new IllegalArgumentException(
          "drainTimeout must be positive and at most "
              + MAX_DRAIN.toSeconds()
              + " s, was "
              + drainTimeout);
    }
  }

  /** A server that answers no cross-origin caller. */
  public FargateServerConfig(String host, int port, Duration drainTimeout) {
    this(host, port, drainTimeout, CorsPolicy.SAME_ORIGIN_ONLY);
  }

  /** Every interface, port 8080, a 25 s drain: what a container on Fargate wants. */
  public static FargateServerConfig defaults() {
    return new FargateServerConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_DRAIN);
  }

  /**
   * Reads {@value #ENV_HOST}, {@value #ENV_PORT}, {@value #ENV_DRAIN_SECONDS} and {@value
   * CorsPolicy#ENV_ALLOWED_ORIGINS}; unset or blank variables take the defaults.
   *
   * @throws IllegalArgumentException naming the variable and its bad value, meant to be printed at
   *     startup
   */
  public static FargateServerConfig fromEnvironment(Map<String, String> env) {
    Objects.requireNonNull(env, "env");
    String host = value(env, ENV_HOST);
    int port = integer(env, ENV_PORT, DEFAULT_PORT, 0, 65_535);
    int drainSeconds =
        integer(
            env,
            ENV_DRAIN_SECONDS,
            (int) DEFAULT_DRAIN.toSeconds(),
            1,
            (int) MAX_DRAIN.toSeconds());
    if (host != null && host.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          ENV_HOST + " must be a host name or address, was '" + echo(host) + "'");
    }
    return new FargateServerConfig(
        host == null ? DEFAULT_HOST : host,
        port,
        Duration.ofSeconds(drainSeconds),
        CorsPolicy.fromEnvironment(env));
  }

  /** The same configuration on another port; 0 for an ephemeral one. */
  public FargateServerConfig withPort(int port) {
    return new FargateServerConfig(host, port, drainTimeout, cors);
  }

  /** The same configuration answering browsers from the origins {@code cors} allows. */
  public FargateServerConfig withCors(CorsPolicy cors) {
    return new FargateServerConfig(host, port, drainTimeout, cors);
  }

  private static String value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
    String value = value(env, name);
    if (value == null) {
      return fallback;
    }
    int parsed;
    try {
      parsed = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw outOfRange(name, value, min, max);
    }
    if (parsed < min || parsed > max) {
      throw outOfRange(name, value, min, max);
    }
    return parsed;
  }

  private static IllegalArgumentException outOfRange(String name, String value, int min, int max) {
    return new IllegalArgumentException(
        name
            + " must be a whole number from "
            + min
            + " to "
            + max
            + ", was '"
            + echo(value)
            + "'");
  }

  private static String echo(String value) {
    return value.length() <= MAX_ECHOED_VALUE
        ? value
        : value.substring(0, MAX_ECHOED_VALUE) + "...";
  }
}

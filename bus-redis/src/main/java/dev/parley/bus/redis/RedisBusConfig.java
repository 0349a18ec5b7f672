package dev.parley.bus.redis;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the bus's connections go and which channel it uses.
 *
 * @param url a {@code redis://} or {@code rediss://} (TLS) URL, e.g. {@code
 *     redis://127.0.0.1:6379}; a password in it is never logged
 * @param channelPrefix names this deployment's channel ({@code <prefix>:cluster}), so that two
 *     deployments sharing one Redis never hear each other
 * @param clientName shown by {@code CLIENT LIST}, with {@code -pub} and {@code -sub} appended
 * @param timeout longest wait to connect and for a command's answer
 */
public record RedisBusConfig(
    String url, String channelPrefix, String clientName, Duration timeout) {
  /** The prefix of a deployment that names none. */
  public static final String DEFAULT_CHANNEL_PREFIX = "parley";

  private static final Pattern PASSWORD = Pattern.compile("(rediss?://)[^@/]*@");

  public RedisBusConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(channelPrefix, "channelPrefix");
    Objects.requireNonNull(clientName, "clientName");
    Objects.requireNonNull(timeout, "timeout");
    if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
      throw new IllegalArgumentException(
          "a Redis URL starts with redis:// or rediss://, not " + redacted(url));
    }
    if (channelPrefix.isBlank()) {
      throw new IllegalArgumentException("the channel prefix is blank");
    }
  }

  /** The settings of a deployment with the defaults: prefix {@code parley}, 5 s timeout. */
  public static RedisBusConfig of(String url) {
    return new RedisBusConfig(url, DEFAULT_CHANNEL_PREFIX, "parley", Duration.ofSeconds(5));
  }

  /** A copy on another channel prefix. */
  public RedisBusConfig withChannelPrefix(String prefix) {
    return new RedisBusConfig(url, prefix, clientName, timeout);
  }

  /** A copy with another client name. */
  public RedisBusConfig withClientName(String name) {
    return new RedisBusConfig(url, channelPrefix, name, timeout);
  }

  /** The pub/sub channel of this deployment. */
  public String channel() {
    return channelPrefix + ":cluster";
  }

  /** The URL without its credentials, for log lines. */
  public String redactedUrl() {
    return redacted(url);
  }

  private static String redacted(String url) {
    return PASSWORD.matcher(url).replaceFirst("$1***@");
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "RedisBusConfig[url="
        + redactedUrl()
        + ", channel="
        + channel()
        + ", clientName="
        + clientName
        + ", timeout="
        + timeout
        + "]";
  }
}

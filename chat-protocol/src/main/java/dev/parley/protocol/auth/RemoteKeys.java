package dev.parley.protocol.auth;

import com.nimbusds.jose.jwk.source.CachingJWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URL;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The keys published at a JWKS URL, as nimbus fetches them: on first use, cached for {@link
 * #CACHE_TIME_TO_LIVE}, refetched when a token names an unknown key but at most twice per {@link
 * #MIN_REFETCH_INTERVAL}, and kept through a short outage of the issuer. Thread-safe.
 */
final class RemoteKeys {

  /** Connect and read timeout of a fetch; a fetch blocks the request that needed it. */
  static final Duration HTTP_TIMEOUT = Duration.ofSeconds(2);

  /** A JWK set larger than this is refused (a real one holds a handful of keys). */
  static final int SIZE_LIMIT_BYTES = 64 * 1024;

  /** How long fetched keys are used before they are fetched again. */
  static final Duration CACHE_TIME_TO_LIVE = Duration.ofMinutes(5);

  /**
   * Tokens naming unknown keys trigger refetches; nimbus allows two per interval, so forged {@code
   * kid}s cannot turn this server into a flood against the issuer.
   */
  static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);

  private final JWKSource<SecurityContext> source;
  private volatile boolean loaded;
  private final AtomicLong fetches = new AtomicLong();

  RemoteKeys(URL url) {
    int timeout = Math.toIntExact(HTTP_TIMEOUT.toMillis());
    this.source =
        JWKSourceBuilder.<SecurityContext>create(
                url, new DefaultResourceRetriever(timeout, timeout, SIZE_LIMIT_BYTES))
            .cache(
                CACHE_TIME_TO_LIVE.toMillis(),
                HTTP_TIMEOUT.toMillis() * 2,
                event -> {
                  if (event instanceof CachingJWKSetSource.RefreshCompletedEvent) {
                    loaded = true;
                    fetches.incrementAndGet();
                  }
                })
            // No refresh-ahead: it needs background threads, which a Lambda freezes between
            // invocations and which would make the resolver something to close.
            .refreshAheadCache(false)
            .rateLimited(MIN_REFETCH_INTERVAL.toMillis())
            // If the issuer is unreachable when the cache expires, keep using the last keys for a
            // while rather than refusing every user.
            .outageTolerant(true)
            .build();
  }

  static RemoteKeys of(JwtSettings.JwkSetUrl jwks) {
    try {
      return new RemoteKeys(jwks.url().toURL());
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("the JWKS URL is not a valid URL: " + jwks.url(), e);
    }
  }

  JWKSource<SecurityContext> source() {
    return source;
  }

  /**
   * Whether a fetch ever succeeded. When the rate limit refuses a fetch, this tells a token naming
   * an unknown key (keys are there, just not that one) from an issuer that never answered.
   */
  boolean everLoaded() {
    return loaded;
  }

  /**
   * How many times the key set was fetched: it changes whenever the keys may have, so a verdict
   * reached with older keys (a remembered token) is not trusted past it.
   */
  long generation() {
    return fetches.get();
  }
}

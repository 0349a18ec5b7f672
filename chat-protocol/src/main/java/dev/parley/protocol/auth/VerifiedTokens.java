package dev.parley.protocol.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens that verified recently, so a client sending the same bearer token on every request pays
 * for the signature check and the claims parsing once, not per request (it was a quarter of the
 * server's CPU on a post). Only {@link Authentication.Authenticated} results are kept; a rejected
 * token is checked again every time.
 *
 * <p>An entry is good until the token's {@code exp} or for {@link #MAX_AGE} after it was verified,
 * whichever comes first, and only while the signing keys are the ones it was verified with: a JWKS
 * refetch (a rotation, or the five-minute refresh) invalidates every entry, so a retired key is
 * refused from the moment the resolver sees it gone, exactly as without the cache.
 *
 * <p>Keyed by the token's SHA-256, not the token itself: map lookups compare keys, and comparing
 * attacker-chosen strings with the live tokens of other users would time-leak their prefixes.
 * Bounded: when full it is emptied (the next requests verify again), which is simple and cannot
 * grow past {@link #MAX_ENTRIES}.
 */
final class VerifiedTokens {
  static final Duration MAX_AGE = Duration.ofMinutes(5);
  static final int MAX_ENTRIES = 10_000;

  private record Entry(Authentication.Authenticated result, Instant goodUntil, long keys) {}

  private final ConcurrentHashMap<ByteBuffer, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;
  private final MessageDigest prototype;

  VerifiedTokens(Clock clock) {
    this.clock = clock;
    try {
      this.prototype = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * The cached result for {@code token}, or null when it must be verified: never found, too old, or
   * verified under another generation of the signing keys than {@code keys}.
   */
  Authentication.Authenticated find(String token, long keys) {
    ByteBuffer key = key(token);
    Entry entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (entry.keys() != keys || !clock.instant().isBefore(entry.goodUntil())) {
      entries.remove(key, entry);
      return null;
    }
    return entry.result();
  }

  /** Remembers a token verified with the {@code keys} generation of the signing keys. */
  void remember(String token, Authentication.Authenticated result, long keys) {
    Instant now = clock.instant();
    Instant until = now.plus(MAX_AGE);
    if (result.expiresAt() != null && result.expiresAt().isBefore(until)) {
      until = result.expiresAt();
    }
    if (!now.isBefore(until)) {
      return;
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(key(token), new Entry(result, until, keys));
  }

  int size() {
    return entries.size();
  }

  private ByteBuffer key(String token) {
    MessageDigest digest;
    try {
      digest = (MessageDigest) prototype.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the platform's SHA-256 is cloneable", e);
    }
    return ByteBuffer.wrap(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
  }
}

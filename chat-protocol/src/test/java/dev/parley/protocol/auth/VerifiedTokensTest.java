package dev.parley.protocol.auth;

import static dev.parley.protocol.auth.TestJwts.AUDIENCE;
import static dev.parley.protocol.auth.TestJwts.ISSUER;
import static dev.parley.protocol.auth.TestJwts.SECRET;
import static dev.parley.protocol.auth.TestJwts.claims;
import static dev.parley.protocol.auth.TestJwts.hs256;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.Test;

/**
 * The resolver remembers verified tokens: the cache must never accept what verification would
 * refuse (expired, other signature, not yet valid) and must forget within {@link
 * VerifiedTokens#MAX_AGE}.
 */
class VerifiedTokensTest {
  private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

  /** A clock the test moves forward. */
  private static final class MovingClock extends Clock {
    private Instant now = NOW;

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("not needed by the resolver");
    }
  }

  private final MovingClock clock = new MovingClock();
  private final JwtIdentityResolver resolver =
      new JwtIdentityResolver(
          JwtSettings.hs256(SECRET, ISSUER, AUDIENCE).withClockSkew(Duration.ZERO), clock);

  @Test
  void aRememberedTokenIsStillRefusedOnceItExpires() {
    String token =
        hs256(SECRET, claims(NOW).expirationTime(Date.from(NOW.plusSeconds(60))).build());
    assertThat(resolver.authenticate(token)).isInstanceOf(Authentication.Authenticated.class);

    clock.advance(Duration.ofSeconds(59));
    assertThat(resolver.authenticate(token)).isInstanceOf(Authentication.Authenticated.class);
    clock.advance(Duration.ofSeconds(1));

    JwtIdentityResolverSecretTest.assertRejected(resolver, token, "token expired");
  }

  @Test
  void aRememberedTokenIsVerifiedAgainAfterTheMaximumAge() {
    VerifiedTokens cache = new VerifiedTokens(clock);
    var result =
        new Authentication.Authenticated(UserId.of("alice"), NOW.plus(Duration.ofHours(1)));
    cache.remember("token", result, 0);

    clock.advance(VerifiedTokens.MAX_AGE.minusSeconds(1));
    assertThat(cache.find("token", 0)).isEqualTo(result);
    clock.advance(Duration.ofSeconds(1));

    assertThat(cache.find("token", 0)).isNull();
    assertThat(cache.size()).isZero();
  }

  @Test
  void anEntryVerifiedUnderOtherKeysIsNotTrusted() {
    VerifiedTokens cache = new VerifiedTokens(clock);
    var result =
        new Authentication.Authenticated(UserId.of("alice"), NOW.plus(Duration.ofHours(1)));
    cache.remember("token", result, 1);

    assertThat(cache.find("token", 1)).isEqualTo(result);
    assertThat(cache.find("token", 2)).isNull();
  }

  @Test
  void onlyTheExactTokenHitsTheCache() {
    String token = hs256(SECRET, claims(NOW).build());
    assertThat(resolver.authenticate(token)).isInstanceOf(Authentication.Authenticated.class);

    // Same header and claims, signature changed in a middle character (the last one of a
    // base64url HS256 signature carries padding bits, so changing it may change nothing).
    int at = token.length() - 10;
    String forged =
        token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);

    assertThat(resolver.authenticate(forged)).isInstanceOf(Authentication.Rejected.class);
    assertThat(resolver.authenticate(token)).isInstanceOf(Authentication.Authenticated.class);
  }

  @Test
  void rejectedTokensAreNotRemembered() {
    String notYetValid =
        hs256(SECRET, claims(NOW).notBeforeTime(Date.from(NOW.plusSeconds(10))).build());

    assertThat(resolver.authenticate(notYetValid)).isInstanceOf(Authentication.Rejected.class);
    clock.advance(Duration.ofSeconds(11));

    assertThat(resolver.authenticate(notYetValid))
        .as("valid now that nbf has passed: the earlier refusal was not cached")
        .isInstanceOf(Authentication.Authenticated.class);
  }

  @Test
  void aFullCacheStartsOverInsteadOfGrowing() {
    VerifiedTokens cache = new VerifiedTokens(clock);
    var result =
        new Authentication.Authenticated(UserId.of("alice"), NOW.plus(Duration.ofHours(1)));
    for (int i = 0; i < VerifiedTokens.MAX_ENTRIES; i++) {
      cache.remember("token-" + i, result, 0);
    }
    assertThat(cache.size()).isEqualTo(VerifiedTokens.MAX_ENTRIES);

    cache.remember("one more", result, 0);

    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.find("one more", 0)).isEqualTo(result);
  }
}

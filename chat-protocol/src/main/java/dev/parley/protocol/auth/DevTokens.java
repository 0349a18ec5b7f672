package dev.parley.protocol.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.parley.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;

/**
 * Mints HS256 tokens for development: the sample server's {@code --dev-token alice} flag and tests.
 * Anyone holding the secret can do the same, which is why production uses a JWKS issuer instead.
 */
public final class DevTokens {

  private DevTokens() {}

  /**
   * A signed token for {@code user}, valid from now for {@code ttl}, that a {@link
   * JwtIdentityResolver} built with {@link JwtSettings#hs256 JwtSettings.hs256(secret, issuer,
   * audience)} accepts.
   *
   * @param secret at least {@value JwtSettings#MIN_SECRET_BYTES} bytes in UTF-8
   * @param user the {@code sub} claim; not null
   * @param ttl positive; whole seconds (JWT times have no fractions)
   * @param issuer the {@code iss} claim, or null for none
   * @param audience the {@code aud} claim, or null for none
   * @return the compact serialization; never null
   * @throws IllegalArgumentException if the secret is too short or the ttl not positive
   */
  public static String issue(
      String secret, UserId user, Duration ttl, String issuer, String audience) {
    return issue(secret, user, ttl, issuer, audience, Clock.systemUTC());
  }

  static String issue(
      String secret, UserId user, Duration ttl, String issuer, String audience, Clock clock) {
    JwtSettings.SharedSecret key = new JwtSettings.SharedSecret(secret);
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.toSeconds() <= 0) {
      throw new IllegalArgumentException("ttl must be at least one second");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .subject(user.value())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(ttl.toSeconds())));
    if (issuer != null) {
      claims.issuer(issuer);
    }
    if (audience != null) {
      claims.audience(audience);
    }
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
            claims.build());
    try {
      jwt.sign(new MACSigner(key.bytes()));
    } catch (JOSEException e) {
      // Cannot happen: SharedSecret guarantees the 256-bit key MACSigner asks for.
      throw new IllegalStateException("HS256 signing failed", e);
    }
    return jwt.serialize();
  }
}

package dev.parley.sample;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * Tokens for the tests, made with nimbus directly so that they can be wrong in every way a client
 * gets them wrong: expired, signed with another key, unsigned, naming a subject that is no user id.
 */
final class TestTokens {
  private TestTokens() {}

  /** HS256, valid from now for ten minutes. */
  static String valid(String secret, String subject) {
    Instant now = Instant.now();
    return hs256(secret, subject, now, now.plus(Duration.ofMinutes(10)));
  }

  /** HS256, expired an hour ago (well beyond any clock skew). */
  static String expired(String secret, String subject) {
    Instant now = Instant.now();
    return hs256(secret, subject, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));
  }

  static String hs256(String secret, String subject, Instant issuedAt, Instant expiresAt) {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
            new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .build());
    try {
      jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  /** {@code alg: none}: a header, claims that would be valid, and an empty signature. */
  static String unsigned(String subject) {
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    long exp = Instant.now().plus(Duration.ofMinutes(10)).getEpochSecond();
    String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
    String claims = "{\"sub\":\"" + subject + "\",\"exp\":" + exp + "}";
    return url.encodeToString(header.getBytes(StandardCharsets.UTF_8))
        + "."
        + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + ".";
  }
}

package dev.parley.protocol.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Builds real signed (and deliberately broken) tokens and keys for the auth tests. */
final class TestJwts {
  static final String SECRET = "a-development-secret-of-32-bytes!";
  static final String OTHER_SECRET = "another-development-secret-32byte";
  static final String ISSUER = "https://issuer.example";
  static final String AUDIENCE = "parley-web";

  private TestJwts() {}

  /** Valid claims for alice at {@code now}: sub, iss, aud, iat, exp in five minutes. */
  static JWTClaimsSet.Builder claims(Instant now) {
    return new JWTClaimsSet.Builder()
        .subject("alice")
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
  }

  static String hs256(String secret, JWTClaimsSet claims) {
    return sign(
        new JWSHeader.Builder(JWSAlgorithm.HS256).build(),
        claims,
        macSigner(secret.getBytes(StandardCharsets.UTF_8)));
  }

  static String hs(JWSAlgorithm alg, byte[] secret, JWTClaimsSet claims) {
    return sign(new JWSHeader.Builder(alg).build(), claims, macSigner(secret));
  }

  static String rs(JWSAlgorithm alg, RSAKey key, JWTClaimsSet claims) {
    try {
      return sign(
          new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(), claims, new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String es256(ECKey key, JWTClaimsSet claims) {
    try {
      return sign(
          new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
          claims,
          new ECDSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A token signed with {@code header} as given (any typ, kid, alg). */
  static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  /** Three base64url parts from raw JSON texts, as an attacker would write them by hand. */
  static String handMade(String headerJson, String payloadJson, String signature) {
    return Base64URL.encode(headerJson.getBytes(StandardCharsets.UTF_8))
        + "."
        + Base64URL.encode(payloadJson.getBytes(StandardCharsets.UTF_8))
        + "."
        + signature;
  }

  static RSAKey rsaKey(String kid) {
    try {
      return new RSAKeyGenerator(2048)
          .keyID(kid)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static ECKey ecKey(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_256)
          .keyID(kid)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.ES256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The same key material under another key id. */
  static JWK withKid(RSAKey key, String kid) {
    return new RSAKey.Builder(key).keyID(kid).build();
  }

  private static MACSigner macSigner(byte[] secret) {
    try {
      return new MACSigner(secret);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}

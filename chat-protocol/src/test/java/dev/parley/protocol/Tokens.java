package dev.parley.protocol;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.auth.DevTokens;
import dev.parley.protocol.auth.IdentityResolver;
import dev.parley.protocol.auth.JwtIdentityResolver;
import dev.parley.protocol.auth.JwtSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/** HS256 tokens for the protocol tests, good and deliberately bad. */
public final class Tokens {
  public static final String SECRET = "protocol-tests-secret-of-32-bytes!";
  public static final String OTHER_SECRET = "some-other-secret-of-at-least-32-b";
  public static final String ISSUER = "https://issuer.parley.test";
  public static final String AUDIENCE = "parley-tests";

  private Tokens() {}

  /** The resolver every test API uses: HS256, with issuer and audience checked. */
  public static IdentityResolver resolver() {
    return new JwtIdentityResolver(JwtSettings.hs256(SECRET, ISSUER, AUDIENCE));
  }

  /** A valid token for {@code user}, for an hour. */
  public static String of(String user) {
    return DevTokens.issue(SECRET, UserId.of(user), Duration.ofHours(1), ISSUER, AUDIENCE);
  }

  /** A token signed with another secret. */
  public static String signedWithAnotherSecret(String user) {
    return DevTokens.issue(OTHER_SECRET, UserId.of(user), Duration.ofHours(1), ISSUER, AUDIENCE);
  }

  /** A correctly signed token that expired an hour ago. */
  public static String expired(String user) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject(user)
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .issueTime(Date.from(now.minus(Duration.ofHours(2))))
            .expirationTime(Date.from(now.minus(Duration.ofHours(1))))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).build(), claims);
    try {
      jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  /**
   * A correctly signed, otherwise valid token whose {@code sub} is {@code subjectJson} as written,
   * for subjects of the wrong JSON type.
   */
  public static String withRawSubject(String subjectJson) {
    long exp = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();
    String payload =
        "{\"sub\":"
            + subjectJson
            + ",\"iss\":\""
            + ISSUER
            + "\",\"aud\":\""
            + AUDIENCE
            + "\",\"exp\":"
            + exp
            + "}";
    JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(payload));
    try {
      jws.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jws.serialize();
  }

  /** An unsigned token ({@code alg: none}) with otherwise valid claims. */
  public static String unsigned(String user) {
    long exp = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();
    String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
    String payload =
        "{\"sub\":\""
            + user
            + "\",\"iss\":\""
            + ISSUER
            + "\",\"aud\":\""
            + AUDIENCE
            + "\",\"exp\":"
            + exp
            + "}";
    return base64(header) + "." + base64(payload) + ".";
  }

  private static String base64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}

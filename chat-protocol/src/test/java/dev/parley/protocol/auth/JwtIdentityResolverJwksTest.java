package dev.parley.protocol.auth;

import static dev.parley.protocol.auth.JwtIdentityResolverSecretTest.assertRejected;
import static dev.parley.protocol.auth.TestJwts.AUDIENCE;
import static dev.parley.protocol.auth.TestJwts.ISSUER;
import static dev.parley.protocol.auth.TestJwts.claims;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JWKS mode: RS256 and ES256 tokens verified against keys served over loopback by a real HTTP
 * server, as Cognito or an OIDC issuer serves them.
 */
class JwtIdentityResolverJwksTest {
  private static RSAKey rsa;
  private static RSAKey rotatedRsa;
  private static RSAKey stranger;
  private static ECKey ec;

  private JwksServer issuer;

  @BeforeAll
  static void keys() {
    rsa = TestJwts.rsaKey("rsa-1");
    rotatedRsa = TestJwts.rsaKey("rsa-2");
    stranger = TestJwts.rsaKey("stranger");
    ec = TestJwts.ecKey("ec-1");
  }

  @AfterEach
  void stopIssuer() {
    if (issuer != null) {
      issuer.close();
    }
  }

  private JwtIdentityResolver resolverFor(JwksServer server) {
    issuer = server;
    return new JwtIdentityResolver(JwtSettings.jwks(server.url(), ISSUER, AUDIENCE));
  }

  /** Valid claims for alice now: the JWKS cache runs on the system clock, so tests do too. */
  private static JWTClaimsSet valid() {
    return claims(Instant.now()).build();
  }

  @Test
  void anRs256TokenSignedByAPublishedKeyIsAccepted() {
    JwtIdentityResolver resolver = resolverFor(JwksServer.publishing(rsa, ec));
    String token = TestJwts.rs(JWSAlgorithm.RS256, rsa, valid());

    Authentication result = resolver.authenticate(token);

    assertThat(result).isInstanceOf(Authentication.Authenticated.class);
    assertThat(((Authentication.Authenticated) result).userId()).isEqualTo(UserId.of("alice"));
  }

  @Test
  void anEs256TokenSignedByAPublishedKeyIsAccepted() {
    JwtIdentityResolver resolver = resolverFor(JwksServer.publishing(rsa, ec));
    String token = TestJwts.es256(ec, valid());

    assertThat(resolver.authenticate(token)).isInstanceOf(Authentication.Authenticated.class);
  }

  @Test
  void keysAreFetchedOnceAndCached() {
    JwtIdentityResolver resolver = resolverFor(JwksServer.publishing(rsa, ec));

    for (int i = 0; i < 3; i++) {
      assertThat(resolver.authenticate(TestJwts.rs(JWSAlgorithm.RS256, rsa, valid())))
          .isInstanceOf(Authentication.Authenticated.class);
      assertThat(resolver.authenticate(TestJwts.es256(ec, valid())))
          .isInstanceOf(Authentication.Authenticated.class);
    }

    assertThat(issuer.fetches()).isEqualTo(1);
  }

  @Test
  void aTokenSignedWithANewKeyIsAcceptedOnceTheIssuerPublishesIt() {
    JwtIdentityResolver resolver = resolverFor(JwksServer.publishing(rsa));
    assertThat(resolver.authenticate(TestJwts.rs(JWSAlgorithm.RS256, rsa, valid())))
        .isInstanceOf(Authentication.Authenticated.class);

    issuer.publish(rotatedRsa);
    Authentication afterRotation =
        resolver.authenticate(TestJwts.rs(JWSAlgorithm.RS256, rotatedRsa, valid()));

    assertThat(afterRotation).isInstanceOf(Authentication.Authenticated.class);
    assertThat(issuer.fetches()).isEqualTo(2);
  }

  @Test
  void aRetiredKeyIsRefusedAfterRotation() {
    JwtIdentityResolver resolver = resolverFor(JwksServer.publishing(rsa));
    assertThat(resolver.authenticate(TestJwts.rs(JWSAlgorithm.RS256, rsa, valid())))
        .isInstanceOf(Authentication.Authenticated.class);
    issuer.publish(rotatedRsa);
    assertThat(resolver.authenticate(TestJwts.rs(JWSAlgorithm.RS256, rotatedRsa, valid())))
        .isInstanceOf(Authentication.Authenticated.class);

    assertRejected(resolver, TestJwts.rs(JWSAlgorithm.RS256, rsa, valid()), "unknown signing key");
  }

  @Test
  void aTokenSignedByAKeyThatIsNotPublishedIsRejected() {
    JwtIdentityResolver resolver = resolverFor(JwksServer.publishing(rsa, ec));
    String token = TestJwts.rs(JWSAlgorithm.RS256, stranger, valid());

    assertRejected(resolver, token, "unknown signing key");
  }

  @Test
  void unknownKeyIdsCannotMakeTheResolverHammerTheIssuer() {
    JwtIdentityResolver resolver = resolverFor(JwksServer.publishing(rsa));

    for (int i = 0; i < 5; i++) {
      assertRejected(
          resolver, TestJwts.rs(JWSAlgorithm.RS256, stranger, valid()), "unknown signing key");
    }

    // The first fetch, and one refetch in case the issuer had rotated its keys; no more.
    assertThat(issuer.fetches()).isEqualTo(2);
  }

  @Test
  void aTokenClaimingAPublishedKeyIdButSignedByAnotherKeyIsRejected() {
    JwtIdentityResolver resolver = resolverFor(JwksServer.publishing(rsa));
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsa.getKeyID()).build();
    String forged = TestJwts.sign(header, valid(), rsaSigner(stranger));

    assertRejected(resolver, forged, "token signature invalid");
  }

  @Test
  void anHs256TokenMacedWithThePublicKeyIsRejected() throws JOSEException {
    // The classic algorithm confusion: the attacker knows the public key and uses it as an HMAC
    // secret, hoping the server verifies HS256 with whatever key the kid names.
    JwtIdentityResolver resolver = resolverFor(JwksServer.publishing(rsa));
    byte[] publicKey = rsa.toRSAPublicKey().getEncoded();
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(rsa.getKeyID()).build();
    String confused = TestJwts.sign(header, valid(), new MACSigner(publicKey));

    assertRejected(resolver, confused, "unsupported algorithm");
  }

  @Test
  void rsaAlgorithmsOtherThanRs256AreRejected() {
    JwtIdentityResolver resolver = resolverFor(JwksServer.publishing(rsa));
    String token = TestJwts.rs(JWSAlgorithm.RS512, rsa, valid());

    assertRejected(resolver, token, "unsupported algorithm");
  }

  @Test
  void anUnsignedTokenIsRejected() {
    JwtIdentityResolver resolver = resolverFor(JwksServer.publishing(rsa));
    String unsigned = TestJwts.handMade("{\"alg\":\"none\"}", valid().toString(), "");

    assertRejected(resolver, unsigned, "unsupported algorithm");
  }

  @Test
  void claimsAreCheckedAsInSecretMode() {
    JwtIdentityResolver resolver = resolverFor(JwksServer.publishing(rsa));
    Instant now = Instant.now();
    String expired =
        TestJwts.rs(
            JWSAlgorithm.RS256,
            rsa,
            claims(now).expirationTime(Date.from(now.minusSeconds(120))).build());
    String foreign =
        TestJwts.rs(JWSAlgorithm.RS256, rsa, claims(now).issuer("https://evil.example").build());

    assertRejected(resolver, expired, "token expired");
    assertRejected(resolver, foreign, "wrong issuer");
  }

  @Test
  void anUnreachableIssuerMeansTheKeysAreUnavailable() {
    JwksServer gone = JwksServer.publishing(rsa);
    gone.close();
    JwtIdentityResolver resolver =
        new JwtIdentityResolver(JwtSettings.jwks(gone.url(), ISSUER, AUDIENCE));

    // Three times: the third attempt is refused by the rate limit, and must still not be
    // reported as an unknown key, since no key was ever fetched.
    for (int i = 0; i < 3; i++) {
      assertThat(resolver.authenticate(TestJwts.rs(JWSAlgorithm.RS256, rsa, valid())))
          .isEqualTo(new Authentication.Unavailable("signing keys unavailable"));
    }
  }

  private static RSASSASigner rsaSigner(RSAKey key) {
    try {
      return new RSASSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.parley.protocol.auth;

import static dev.parley.protocol.auth.TestJwts.AUDIENCE;
import static dev.parley.protocol.auth.TestJwts.ISSUER;
import static dev.parley.protocol.auth.TestJwts.OTHER_SECRET;
import static dev.parley.protocol.auth.TestJwts.SECRET;
import static dev.parley.protocol.auth.TestJwts.claims;
import static dev.parley.protocol.auth.TestJwts.handMade;
import static dev.parley.protocol.auth.TestJwts.hs256;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import dev.parley.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** HS256 mode: every check of {@link JwtIdentityResolver}, with real HMAC and a pinned clock. */
class JwtIdentityResolverSecretTest {
  private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final JwtIdentityResolver resolver =
      new JwtIdentityResolver(JwtSettings.hs256(SECRET, ISSUER, AUDIENCE), CLOCK);

  @Test
  void aValidTokenAuthenticatesItsSubjectUntilItsExpiry() {
    String token = hs256(SECRET, claims(NOW).build());

    assertThat(resolver.authenticate(token))
        .isEqualTo(
            new Authentication.Authenticated(UserId.of("alice"), NOW.plus(Duration.ofMinutes(5))));
  }

  @Test
  void withoutAConfiguredIssuerOrAudienceAnyIssuerAndAudienceAreAccepted() {
    JwtIdentityResolver lenient =
        new JwtIdentityResolver(JwtSettings.hs256(SECRET, null, null), CLOCK);
    String token =
        hs256(SECRET, claims(NOW).issuer("https://elsewhere.example").audience("other").build());

    assertThat(lenient.authenticate(token)).isInstanceOf(Authentication.Authenticated.class);
  }

  @Test
  void aTokenExpiredBeyondTheClockSkewIsRejected() {
    String token = hs256(SECRET, claims(NOW).expirationTime(at(NOW.minusSeconds(31))).build());

    assertRejected(resolver, token, "token expired");
  }

  @Test
  void aTokenExpiredWithinTheClockSkewIsStillAccepted() {
    String token = hs256(SECRET, claims(NOW).expirationTime(at(NOW.minusSeconds(29))).build());

    assertThat(resolver.authenticate(token)).isInstanceOf(Authentication.Authenticated.class);
  }

  @Test
  void theConfiguredClockSkewIsTheOneApplied() {
    JwtIdentityResolver strict =
        new JwtIdentityResolver(
            JwtSettings.hs256(SECRET, ISSUER, AUDIENCE).withClockSkew(Duration.ZERO), CLOCK);
    String token = hs256(SECRET, claims(NOW).expirationTime(at(NOW.minusSeconds(1))).build());

    assertRejected(strict, token, "token expired");
  }

  @Test
  void aTokenNotValidBeforeAMomentBeyondTheClockSkewIsRejected() {
    String token = hs256(SECRET, claims(NOW).notBeforeTime(at(NOW.plusSeconds(31))).build());

    assertRejected(resolver, token, "token not yet valid");
  }

  @Test
  void aNotBeforeWithinTheClockSkewIsAccepted() {
    String token = hs256(SECRET, claims(NOW).notBeforeTime(at(NOW.plusSeconds(29))).build());

    assertThat(resolver.authenticate(token)).isInstanceOf(Authentication.Authenticated.class);
  }

  @Test
  void aTokenFromAnotherIssuerIsRejected() {
    String token = hs256(SECRET, claims(NOW).issuer("https://evil.example").build());

    assertRejected(resolver, token, "wrong issuer");
  }

  @Test
  void aTokenWithoutIssuerIsRejectedWhenAnIssuerIsConfigured() {
    String token = hs256(SECRET, claims(NOW).issuer(null).build());

    assertRejected(resolver, token, "wrong issuer");
  }

  @Test
  void aTokenForAnotherAudienceIsRejected() {
    String token = hs256(SECRET, claims(NOW).audience("someone-else").build());

    assertRejected(resolver, token, "wrong audience");
  }

  @Test
  void aTokenWithoutAudienceIsRejectedWhenAnAudienceIsConfigured() {
    String token = hs256(SECRET, claims(NOW).audience((String) null).build());

    assertRejected(resolver, token, "wrong audience");
  }

  @Test
  void anAudienceListContainingTheConfiguredAudienceIsAccepted() {
    String token = hs256(SECRET, claims(NOW).audience(List.of("other", AUDIENCE)).build());

    assertThat(resolver.authenticate(token)).isInstanceOf(Authentication.Authenticated.class);
  }

  @Test
  void aTokenSignedWithAnotherSecretIsRejected() {
    String token = hs256(OTHER_SECRET, claims(NOW).build());

    assertRejected(resolver, token, "token signature invalid");
  }

  @Test
  void aTokenWhosePayloadWasChangedIsRejected() {
    String[] parts = hs256(SECRET, claims(NOW).build()).split("\\.");
    String forgedPayload =
        Base64URL.encode(claims(NOW).subject("mallory").build().toString()).toString();
    String tampered = parts[0] + "." + forgedPayload + "." + parts[2];

    assertRejected(resolver, tampered, "token signature invalid");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"alg\":\"none\"}", "{\"alg\":\"none\",\"typ\":\"JWT\"}"})
  void anUnsignedTokenIsRejected(String header) {
    String unsigned = handMade(header, claims(NOW).build().toString(), "");

    assertRejected(resolver, unsigned, "unsupported algorithm");
  }

  @ParameterizedTest
  @ValueSource(strings = {"None", "NONE", "nOnE"})
  void unsignedTokensInAnotherSpellingAreRejected(String alg) {
    String unsigned = handMade("{\"alg\":\"" + alg + "\"}", claims(NOW).build().toString(), "c2ln");

    assertRejected(resolver, unsigned, "unsupported algorithm");
  }

  @Test
  void anotherHmacAlgorithmIsRejectedEvenWithTheRightSecret() {
    byte[] longSecret = (SECRET + SECRET).getBytes(StandardCharsets.UTF_8);
    JwtIdentityResolver hs512Capable =
        new JwtIdentityResolver(JwtSettings.hs256(SECRET + SECRET, ISSUER, AUDIENCE), CLOCK);
    String token = TestJwts.hs(JWSAlgorithm.HS512, longSecret, claims(NOW).build());

    assertRejected(hs512Capable, token, "unsupported algorithm");
  }

  @Test
  void aTokenWithoutSubjectIsRejected() {
    String token = hs256(SECRET, claims(NOW).subject(null).build());

    assertRejected(resolver, token, "token has no subject");
  }

  @Test
  void aTokenWithAnEmptySubjectIsRejected() {
    String token = hs256(SECRET, claims(NOW).subject("").build());

    assertRejected(resolver, token, "token has no subject");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "alice/admin",
        "alice smith",
        "tab\there",
        "alice\u00A0",
        "ali\u200Bce",
        "\u202Eecila",
        "\uFEFFalice"
      })
  void aSubjectThatIsNoUserIdIsRejected(String subject) {
    String token = hs256(SECRET, claims(NOW).subject(subject).build());

    assertRejected(resolver, token, "token subject is not a valid user id");
  }

  @Test
  void aSubjectLongerThanAUserIdIsRejected() {
    String token = hs256(SECRET, claims(NOW).subject("a".repeat(129)).build());

    assertRejected(resolver, token, "token subject is not a valid user id");
  }

  @Test
  void aTokenWithoutExpiryIsRejected() {
    String token = hs256(SECRET, claims(NOW).expirationTime(null).build());

    assertRejected(resolver, token, "token has no expiry");
  }

  @Test
  void accessTokensTypedAtJwtAreAccepted() {
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt")).build();
    String token = TestJwts.sign(header, claims(NOW).build(), macSigner());

    assertThat(resolver.authenticate(token)).isInstanceOf(Authentication.Authenticated.class);
  }

  @Test
  void tokensOfAnotherTypeAreRejected() {
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("secevent+jwt")).build();
    String token = TestJwts.sign(header, claims(NOW).build(), macSigner());

    assertRejected(resolver, token, "unsupported token type");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "garbage",
        "a.b.c",
        "x.y",
        "...",
        "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln", // payload "not json"
        "eyJhbGciOiJIUzI1NiJ9.e30", // two parts only
        "Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln",
      })
  void garbageIsRejectedAsMalformed(String garbage) {
    assertRejected(resolver, garbage, "malformed token");
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345", "-1", "1.5e3", "true", "[\"alice\"]"})
  void aSubjectThatIsNotAJsonStringIsRejectedAsMalformed(String subject) {
    String token =
        handMadeSigned(
            "{\"sub\":"
                + subject
                + ",\"iss\":\""
                + ISSUER
                + "\",\"aud\":\""
                + AUDIENCE
                + "\",\"exp\":"
                + (NOW.getEpochSecond() + 60)
                + "}");

    assertRejected(resolver, token, "malformed token");
  }

  @Test
  void aClaimOfTheWrongTypeIsRejectedAsMalformed() {
    String token =
        handMadeSigned(
            "{\"sub\":{\"id\":\"alice\"},\"iss\":\""
                + ISSUER
                + "\",\"aud\":\""
                + AUDIENCE
                + "\",\"exp\":"
                + (NOW.getEpochSecond() + 60)
                + "}");

    assertRejected(resolver, token, "malformed token");
  }

  @Test
  void anOversizedTokenIsRejectedUnparsed() {
    String padding = "x".repeat(JwtIdentityResolver.MAX_TOKEN_LENGTH);
    String token = hs256(SECRET, claims(NOW).claim("padding", padding).build());

    assertRejected(resolver, token, "malformed token");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void noTokenIsRejectedAsMissing(String token) {
    assertThat(resolver.authenticate(token))
        .isEqualTo(new Authentication.Rejected("missing token"));
  }

  /** Asserts the reason, and that it does not give the token back. */
  static void assertRejected(IdentityResolver resolver, String token, String reason) {
    Authentication result = resolver.authenticate(token);

    assertThat(result).isEqualTo(new Authentication.Rejected(reason));
    assertThat(((Authentication.Rejected) result).reason()).doesNotContain(token);
  }

  private static Date at(Instant instant) {
    return Date.from(instant);
  }

  private static MACSigner macSigner() {
    try {
      return new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A correctly HS256-signed token around an arbitrary JSON payload. */
  private static String handMadeSigned(String payloadJson) {
    try {
      JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(payloadJson));
      jws.sign(macSigner());
      return jws.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.parley.protocol.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.parley.domain.user.UserId;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevTokensTest {
  private static final String SECRET = TestJwts.SECRET;

  @Test
  void anIssuedTokenIsAcceptedByAResolverWithTheSameSettings() {
    JwtIdentityResolver resolver =
        new JwtIdentityResolver(JwtSettings.hs256(SECRET, "parley-dev", "parley-web"));
    Instant before = Instant.now().minusSeconds(1);

    String token =
        DevTokens.issue(
            SECRET, UserId.of("alice"), Duration.ofHours(1), "parley-dev", "parley-web");

    Authentication result = resolver.authenticate(token);
    assertThat(result).isInstanceOf(Authentication.Authenticated.class);
    Authentication.Authenticated alice = (Authentication.Authenticated) result;
    assertThat(alice.userId()).isEqualTo(UserId.of("alice"));
    assertThat(alice.expiresAt())
        .isBetween(before.plus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(1)));
  }

  @Test
  void theClaimsAreExactlyTheOnesAsked() throws ParseException {
    Instant now = Instant.parse("2030-01-01T12:00:00.750Z");

    String token =
        DevTokens.issue(
            SECRET,
            UserId.of("bob"),
            Duration.ofMinutes(10),
            "parley-dev",
            "parley-web",
            Clock.fixed(now, ZoneOffset.UTC));

    SignedJWT jwt = SignedJWT.parse(token);
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
    assertThat(claims.getSubject()).isEqualTo("bob");
    assertThat(claims.getIssuer()).isEqualTo("parley-dev");
    assertThat(claims.getAudience()).isEqualTo(List.of("parley-web"));
    assertThat(claims.getIssueTime().toInstant()).isEqualTo(Instant.parse("2030-01-01T12:00:00Z"));
    assertThat(claims.getExpirationTime().toInstant())
        .isEqualTo(Instant.parse("2030-01-01T12:10:00Z"));
  }

  @Test
  void withoutIssuerAndAudienceThoseClaimsAreAbsent() throws ParseException {
    String token = DevTokens.issue(SECRET, UserId.of("carol"), Duration.ofMinutes(1), null, null);

    JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
    assertThat(claims.getClaims()).doesNotContainKeys("iss", "aud");
  }

  @Test
  void aTokenIssuedWithAnotherSecretIsRejected() {
    JwtIdentityResolver resolver = new JwtIdentityResolver(JwtSettings.hs256(SECRET, null, null));

    String token =
        DevTokens.issue(TestJwts.OTHER_SECRET, UserId.of("alice"), Duration.ofHours(1), null, null);

    assertThat(resolver.authenticate(token))
        .isEqualTo(new Authentication.Rejected("token signature invalid"));
  }

  @Test
  void aShortSecretOrANonPositiveTtlIsRefused() {
    UserId alice = UserId.of("alice");

    assertThatThrownBy(() -> DevTokens.issue("short", alice, Duration.ofHours(1), null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 bytes");
    assertThatThrownBy(() -> DevTokens.issue(SECRET, alice, Duration.ZERO, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DevTokens.issue(SECRET, alice, Duration.ofMillis(999), null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

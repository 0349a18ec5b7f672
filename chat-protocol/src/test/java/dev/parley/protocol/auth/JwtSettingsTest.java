package dev.parley.protocol.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtSettingsTest {
  private static final String SECRET = TestJwts.SECRET;
  private static final String SHORT_SECRET = "only-31-bytes-long-dev-secret!!";
  private static final String JWKS =
      "https://cognito-idp.eu-west-1.amazonaws.com/pool/.well-known/jwks.json";

  @Test
  void hs256TakesASecretOfAtLeast32BytesAndNeedsNoIssuer() {
    JwtSettings settings = JwtSettings.hs256(SECRET, null, null);

    assertThat(settings.keys()).isEqualTo(new JwtSettings.SharedSecret(SECRET));
    assertThat(settings.issuer()).isNull();
    assertThat(settings.audience()).isNull();
    assertThat(settings.clockSkew()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aShorterSecretIsRefusedWithoutBeingQuoted() {
    assertThat(SHORT_SECRET).hasSize(31);

    assertThatThrownBy(() -> JwtSettings.hs256(SHORT_SECRET, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 bytes")
        .hasMessageContaining("has 31")
        .message()
        .doesNotContain(SHORT_SECRET);
  }

  @Test
  void secretLengthCountsUtf8Bytes() {
    // 16 characters of 2 bytes each: 32 bytes, enough.
    String sixteenUmlauts = "ü".repeat(16);

    assertThat(JwtSettings.hs256(sixteenUmlauts, null, null).keys())
        .isInstanceOf(JwtSettings.SharedSecret.class);
  }

  @Test
  void theSecretNeverShowsInToString() {
    JwtSettings settings = JwtSettings.hs256(SECRET, "iss", "aud");

    assertThat(settings.toString()).doesNotContain(SECRET).contains("redacted");
  }

  @Test
  void jwksModeRequiresAnIssuer() {
    assertThatThrownBy(() -> JwtSettings.jwks(URI.create(JWKS), null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("issuer is required");
    assertThatThrownBy(() -> JwtSettings.jwks(URI.create(JWKS), "  ", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        JWKS,
        "http://localhost:8080/jwks.json",
        "http://127.0.0.1:41234/.well-known/jwks.json"
      })
  void jwksUrlsMustBeHttpsOrLoopback(String url) {
    JwtSettings settings = JwtSettings.jwks(URI.create(url), "https://issuer", null);

    assertThat(settings.keys()).isEqualTo(new JwtSettings.JwkSetUrl(URI.create(url)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://issuer.example/jwks.json",
        "http://10.0.0.1/jwks.json",
        "ftp://issuer.example/jwks.json",
        "file:///etc/jwks.json",
        "/relative/jwks.json",
        "https:///no-host"
      })
  void otherJwksUrlsAreRefused(String url) {
    assertThatThrownBy(() -> JwtSettings.jwks(URI.create(url), "https://issuer", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be an https URL");
  }

  @Test
  void aJwksUrlWithCredentialsIsRefusedWithoutQuotingThem() {
    assertThatThrownBy(
            () ->
                JwtSettings.jwks(
                    URI.create("https://user:hunter2@issuer.example/jwks"), "https://i", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user info")
        .message()
        .doesNotContain("hunter2");
  }

  @Test
  void clockSkewIsBoundedAndNotNegative() {
    JwtSettings settings = JwtSettings.hs256(SECRET, null, null);

    assertThat(settings.withClockSkew(Duration.ofMinutes(2)).clockSkew())
        .isEqualTo(Duration.ofMinutes(2));
    assertThatThrownBy(() -> settings.withClockSkew(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings.withClockSkew(Duration.ofMinutes(6)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void environmentWithASecretGivesHs256Settings() {
    JwtSettings settings =
        JwtSettings.fromEnvironment(
            Map.of(
                "CHAT_JWT_SECRET", SECRET,
                "CHAT_JWT_ISSUER", "parley-dev",
                "CHAT_JWT_AUDIENCE", "parley-web"));

    assertThat(settings)
        .isEqualTo(
            new JwtSettings(
                new JwtSettings.SharedSecret(SECRET),
                "parley-dev",
                "parley-web",
                JwtSettings.DEFAULT_CLOCK_SKEW));
  }

  @Test
  void environmentWithAJwksUrlGivesJwksSettings() {
    JwtSettings settings =
        JwtSettings.fromEnvironment(
            Map.of(
                "CHAT_JWT_JWKS_URL",
                " " + JWKS + " ",
                "CHAT_JWT_ISSUER",
                "https://cognito-idp.eu-west-1.amazonaws.com/pool"));

    assertThat(settings.keys()).isEqualTo(new JwtSettings.JwkSetUrl(URI.create(JWKS)));
    assertThat(settings.issuer()).isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/pool");
    assertThat(settings.audience()).isNull();
  }

  @Test
  void blankVariablesCountAsUnset() {
    Map<String, String> env = new HashMap<>();
    env.put("CHAT_JWT_SECRET", SECRET);
    env.put("CHAT_JWT_JWKS_URL", "");
    env.put("CHAT_JWT_AUDIENCE", " ");

    JwtSettings settings = JwtSettings.fromEnvironment(env);

    assertThat(settings.keys()).isInstanceOf(JwtSettings.SharedSecret.class);
    assertThat(settings.audience()).isNull();
  }

  @Test
  void bothSecretAndJwksUrlAreRefused() {
    assertThatThrownBy(
            () ->
                JwtSettings.fromEnvironment(
                    Map.of(
                        "CHAT_JWT_SECRET", SECRET,
                        "CHAT_JWT_JWKS_URL", JWKS,
                        "CHAT_JWT_ISSUER", "https://i")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "set either CHAT_JWT_SECRET (HS256, development) or CHAT_JWT_JWKS_URL (RS256/ES256),"
                + " not both");
  }

  @Test
  void neitherSecretNorJwksUrlIsRefused() {
    assertThatThrownBy(() -> JwtSettings.fromEnvironment(Map.of("CHAT_JWT_ISSUER", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("JWT authentication is not configured")
        .hasMessageContaining("CHAT_JWT_JWKS_URL")
        .hasMessageContaining("CHAT_JWT_SECRET");
  }

  @Test
  void aShortSecretInTheEnvironmentIsNamedButNotQuoted() {
    assertThatThrownBy(() -> JwtSettings.fromEnvironment(Map.of("CHAT_JWT_SECRET", SHORT_SECRET)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("CHAT_JWT_SECRET must be at least 32 bytes (256 bits)")
        .message()
        .doesNotContain(SHORT_SECRET);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not a url", "http://issuer.example/jwks", "cognito"})
  void aBadJwksUrlInTheEnvironmentIsNamed(String url) {
    assertThatThrownBy(
            () ->
                JwtSettings.fromEnvironment(
                    Map.of("CHAT_JWT_JWKS_URL", url, "CHAT_JWT_ISSUER", "https://i")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("CHAT_JWT_JWKS_URL ")
        .hasMessageContaining(url);
  }

  @Test
  void aJwksUrlWithoutIssuerInTheEnvironmentIsRefused() {
    assertThatThrownBy(() -> JwtSettings.fromEnvironment(Map.of("CHAT_JWT_JWKS_URL", JWKS)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("CHAT_JWT_ISSUER is required with CHAT_JWT_JWKS_URL");
  }
}

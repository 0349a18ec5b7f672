package dev.parley.protocol.auth;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How {@link JwtIdentityResolver} verifies tokens: the {@link Keys} (a shared HS256 secret for
 * development, or the JWKS URL of Cognito or any OIDC issuer for RS256/ES256), the expected issuer
 * ({@code iss}) and audience ({@code aud}), and the clock skew tolerated on {@code exp} and {@code
 * nbf}.
 *
 * <p>{@code keys} and {@code clockSkew} are never null. {@code issuer} is null only with a shared
 * secret (then {@code iss} is not checked): keys fetched from a URL do not by themselves say who
 * issued a token, so a JWKS URL always comes with an issuer. {@code audience} may be null (then
 * {@code aud} is not checked); when set, the token's {@code aud} must contain it. Blank strings
 * count as null. {@link #toString()} never shows the secret.
 */
public record JwtSettings(Keys keys, String issuer, String audience, Duration clockSkew) {

  /** Clock skew tolerated when none is given: enough for unsynchronised laptops and phones. */
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);

  /** Largest skew accepted; more would quietly extend every token's life. */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  /** HS256 needs a key at least as long as its 256-bit hash (RFC 7518, section 3.2). */
  public static final int MIN_SECRET_BYTES = 32;

  /** Environment variable: the HS256 shared secret (development). */
  public static final String ENV_SECRET = "CHAT_JWT_SECRET";

  /** Environment variable: the JWKS URL of the issuer (RS256/ES256). */
  public static final String ENV_JWKS_URL = "CHAT_JWT_JWKS_URL";

  /** Environment variable: the expected {@code iss}; required with {@link #ENV_JWKS_URL}. */
  public static final String ENV_ISSUER = "CHAT_JWT_ISSUER";

  /** Environment variable: the expected {@code aud}; optional. */
  public static final String ENV_AUDIENCE = "CHAT_JWT_AUDIENCE";

  private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

  public JwtSettings {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(clockSkew, "clockSkew");
    issuer = blankToNull(issuer);
    audience = blankToNull(audience);
    if (keys instanceof JwkSetUrl && issuer == null) {
      throw new IllegalArgumentException(
          "an issuer is required with a JWKS URL: the keys alone do not say who issued a token");
    }
    if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
      throw new IllegalArgumentException(
          "clock skew must be between 0 and " + MAX_CLOCK_SKEW.toSeconds() + " seconds");
    }
  }

  /**
   * HS256 with a shared secret, for development and tests.
   *
   * @param secret at least {@value #MIN_SECRET_BYTES} bytes in UTF-8
   * @param issuer the expected {@code iss}, or null to accept any
   * @param audience the expected {@code aud}, or null to accept any
   * @throws IllegalArgumentException if the secret is too short
   */
  public static JwtSettings hs256(String secret, String issuer, String audience) {
    return new JwtSettings(new SharedSecret(secret), issuer, audience, DEFAULT_CLOCK_SKEW);
  }

  /**
   * RS256 or ES256 with the keys published at {@code jwksUrl}, as Cognito and OIDC issuers do.
   *
   * @param jwksUrl https, or http on localhost/127.0.0.1 (tests)
   * @param issuer the expected {@code iss}; required
   * @param audience the expected {@code aud}, or null to accept any
   * @throws IllegalArgumentException if the URL is not acceptable or the issuer is missing
   */
  public static JwtSettings jwks(URI jwksUrl, String issuer, String audience) {
    return new JwtSettings(new JwkSetUrl(jwksUrl), issuer, audience, DEFAULT_CLOCK_SKEW);
  }

  /** These settings with another clock skew. */
  public JwtSettings withClockSkew(Duration skew) {
    return new JwtSettings(keys, issuer, audience, skew);
  }

  /**
   * Reads {@value #ENV_SECRET} or {@value #ENV_JWKS_URL} (exactly one), {@value #ENV_ISSUER} and
   * {@value #ENV_AUDIENCE}. Unset and blank variables are the same.
   *
   * @throws IllegalArgumentException with a message naming the variable at fault, meant to be
   *     printed at startup; it never contains the secret
   */
  public static JwtSettings fromEnvironment(Map<String, String> env) {
    String secret = blankToNull(env.get(ENV_SECRET));
    String jwksUrl = blankToNull(env.get(ENV_JWKS_URL));
    String issuer = env.get(ENV_ISSUER);
    String audience = env.get(ENV_AUDIENCE);
    if (secret != null && jwksUrl != null) {
      throw new IllegalArgumentException(
          "set either "
              + ENV_SECRET
              + " (HS256, development) or "
              + ENV_JWKS_URL
              + " (RS256/ES256), not both");
    }
    if (secret == null && jwksUrl == null) {
      throw new IllegalArgumentException(
          "JWT authentication is not configured: set "
              + ENV_JWKS_URL
              + " and "
              + ENV_ISSUER
              + " for Cognito or another OIDC issuer, or "
              + ENV_SECRET
              + " (at least "
              + MIN_SECRET_BYTES
              + " bytes) for development");
    }
    if (secret != null) {
      requireStrongSecret(ENV_SECRET, secret);
      return hs256(secret, issuer, audience);
    }
    URI url = parseJwksUrl(ENV_JWKS_URL, jwksUrl.strip());
    if (blankToNull(issuer) == null) {
      throw new IllegalArgumentException(
          ENV_ISSUER
              + " is required with "
              + ENV_JWKS_URL
              + " (for Cognito: https://cognito-idp.<region>.amazonaws.com/<user pool id>)");
    }
    return jwks(url, issuer, audience);
  }

  /** Where the verification keys come from. */
  public sealed interface Keys permits SharedSecret, JwkSetUrl {}

  /**
   * A secret shared by the token issuer and this server; HS256 only. Meant for development: anyone
   * who holds it can mint tokens. Never null, at least {@value #MIN_SECRET_BYTES} bytes in UTF-8;
   * {@link #toString()} hides it.
   */
  public record SharedSecret(String value) implements Keys {
    public SharedSecret {
      requireStrongSecret("the HS256 secret", value);
    }

    /** The key bytes (UTF-8 of the value); a fresh array on every call. */
    public byte[] bytes() {
      return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return "SharedSecret[value=<redacted>]";
    }
  }

  /**
   * The URL of a JSON Web Key Set: https, or http on a loopback host for tests. Never null; RS256
   * and ES256 keys are used from it.
   */
  public record JwkSetUrl(URI url) implements Keys {
    public JwkSetUrl {
      requireJwksUrl("the JWKS URL", url);
    }
  }

  private static void requireStrongSecret(String name, String secret) {
    if (secret == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    int length = secret.getBytes(StandardCharsets.UTF_8).length;
    if (length < MIN_SECRET_BYTES) {
      // The length helps the operator; the secret itself never goes into a message.
      throw new IllegalArgumentException(
          name
              + " must be at least "
              + MIN_SECRET_BYTES
              + " bytes (256 bits) for HS256, but has "
              + length
              + "; generate one with: openssl rand -base64 48");
    }
  }

  private static URI parseJwksUrl(String name, String value) {
    try {
      return requireJwksUrl(name, new URI(value));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(name + " is not a valid URL: " + value, e);
    }
  }

  private static URI requireJwksUrl(String name, URI url) {
    if (url == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    if (url.getRawUserInfo() != null) {
      // Checked first so that a password in the URL never reaches the messages below.
      throw new IllegalArgumentException(name + " must not contain user info");
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    boolean https = scheme.equals("https") && !host.isEmpty();
    // Plain http would let anyone on the path swap the keys; only a test server on this host may.
    boolean loopbackHttp = scheme.equals("http") && LOOPBACK_HOSTS.contains(host);
    if (!https && !loopbackHttp) {
      throw new IllegalArgumentException(
          name
              + " must be an https URL (or http on localhost/127.0.0.1 for tests), but is: "
              + url);
    }
    try {
      url.toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " is not a valid URL: " + url, e);
    }
    return url;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}

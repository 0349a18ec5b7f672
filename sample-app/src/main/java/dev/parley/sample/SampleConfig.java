package dev.parley.sample;

import dev.parley.adapter.fargate.FargateServerConfig;
import dev.parley.protocol.auth.JwtSettings;
import java.util.Map;
import java.util.Objects;

/**
 * The sample server's configuration, read from environment variables: where to listen ({@link
 * FargateServerConfig#fromEnvironment}) and how to verify tokens ({@link
 * JwtSettings#fromEnvironment}), falling back to {@link #DEVELOPMENT_SECRET} when no JWT setting is
 * given at all.
 *
 * @param developmentSecret whether tokens are verified with {@link #DEVELOPMENT_SECRET}
 */
record SampleConfig(FargateServerConfig server, JwtSettings jwt, boolean developmentSecret) {

  /**
   * The HS256 secret used when neither {@value JwtSettings#ENV_SECRET} nor {@value
   * JwtSettings#ENV_JWKS_URL} is set. It is published in the source code, so anyone can mint tokens
   * with it: for a laptop only.
   */
  static final String DEVELOPMENT_SECRET =
      "parley-DEVELOPMENT-ONLY-secret-published-in-the-source-never-use-in-production";

  SampleConfig {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(jwt, "jwt");
  }

  /**
   * Reads the whole configuration.
   *
   * @throws IllegalArgumentException with a one-line message naming the variable at fault
   */
  static SampleConfig fromEnvironment(Map<String, String> env) {
    FargateServerConfig server = FargateServerConfig.fromEnvironment(env);
    return new SampleConfig(server, jwtSettings(env), usesDevelopmentSecret(env));
  }

  /**
   * The JWT settings alone (all {@code --dev-token} needs).
   *
   * @throws IllegalArgumentException with a one-line message naming the variable at fault
   */
  static JwtSettings jwtSettings(Map<String, String> env) {
    if (usesDevelopmentSecret(env)) {
      return JwtSettings.hs256(
          DEVELOPMENT_SECRET, env.get(JwtSettings.ENV_ISSUER), env.get(JwtSettings.ENV_AUDIENCE));
    }
    return JwtSettings.fromEnvironment(env);
  }

  /** Whether neither a secret nor a JWKS URL is configured (unset and blank are the same). */
  static boolean usesDevelopmentSecret(Map<String, String> env) {
    return isBlank(env.get(JwtSettings.ENV_SECRET)) && isBlank(env.get(JwtSettings.ENV_JWKS_URL));
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}

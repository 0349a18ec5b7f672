package dev.parley.sample;

import dev.parley.adapter.fargate.FargateServerConfig;
import dev.parley.adapter.postgres.PostgresConfig;
import dev.parley.protocol.auth.JwtSettings;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The sample server's configuration, read from environment variables: where to listen ({@link
 * FargateServerConfig#fromEnvironment}) and how to verify tokens ({@link
 * JwtSettings#fromEnvironment}), falling back to {@link #DEVELOPMENT_SECRET} when no JWT setting is
 * given at all.
 *
 * @param developmentSecret whether tokens are verified with {@link #DEVELOPMENT_SECRET}
 * @param store where the data lives: {@code --store}, else {@value #ENV_STORE}, else memory
 * @param postgres how to reach PostgreSQL ({@link PostgresConfig#fromEnvironment}); null unless the
 *     store is {@link Store#POSTGRES}
 */
record SampleConfig(
    FargateServerConfig server,
    JwtSettings jwt,
    boolean developmentSecret,
    Store store,
    PostgresConfig postgres) {

  /** The variable that selects the store when there is no {@code --store} flag. */
  static final String ENV_STORE = "CHAT_STORE";

  /** The stores the sample can run on. */
  enum Store {
    MEMORY,
    POSTGRES;

    /**
     * @param source where the value came from, for the error message
     * @throws IllegalArgumentException naming the accepted values
     */
    static Store parse(String value, String source) {
      String name = value.strip().toUpperCase(Locale.ROOT);
      for (Store store : values()) {
        if (store.name().equals(name)) {
          return store;
        }
      }
      throw new IllegalArgumentException(
          source + " must be one of " + names() + ", was: '" + value + "'");
    }

    static String names() {
      return Arrays.stream(values())
          .map(store -> store.name().toLowerCase(Locale.ROOT))
          .collect(Collectors.joining("|"));
    }
  }

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
    Objects.requireNonNull(store, "store");
    if ((store == Store.POSTGRES) != (postgres != null)) {
      throw new IllegalArgumentException("a PostgreSQL configuration goes with --store=postgres");
    }
  }

  /**
   * Reads the whole configuration.
   *
   * @throws IllegalArgumentException with a one-line message naming the variable at fault
   */
  static SampleConfig fromEnvironment(Map<String, String> env) {
    return fromEnvironment(env, null);
  }

  /**
   * Reads the whole configuration, with the store named on the command line ({@code --store}) if
   * any: it wins over {@value #ENV_STORE}.
   *
   * @param storeFlag the value of {@code --store}, or null
   * @throws IllegalArgumentException with a one-line message naming the variable at fault
   */
  static SampleConfig fromEnvironment(Map<String, String> env, String storeFlag) {
    Store store;
    if (storeFlag != null) {
      store = Store.parse(storeFlag, "--store");
    } else if (!isBlank(env.get(ENV_STORE))) {
      store = Store.parse(env.get(ENV_STORE), ENV_STORE);
    } else {
      store = Store.MEMORY;
    }
    FargateServerConfig server = FargateServerConfig.fromEnvironment(env);
    PostgresConfig postgres = store == Store.POSTGRES ? PostgresConfig.fromEnvironment(env) : null;
    return new SampleConfig(server, jwtSettings(env), usesDevelopmentSecret(env), store, postgres);
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

package dev.parley.sample;

import dev.parley.adapter.dynamodb.DynamoDbConfig;
import dev.parley.adapter.fargate.FargateServerConfig;
import dev.parley.adapter.postgres.PostgresConfig;
import dev.parley.deploy.fargate.ClusterBusChoice;
import dev.parley.deploy.fargate.FargateSettings;
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
 * @param dynamoDb the DynamoDB table ({@link DynamoDbConfig#fromEnvironment}) for {@link
 *     Store#DYNAMODB}; for {@link Store#DYNAMODB_LOCAL} the table without an endpoint (the emulator
 *     supplies it when it has started); null for the other stores
 * @param createTable whether the deployment creates the DynamoDB table at start ({@value
 *     #ENV_DYNAMODB_CREATE_TABLE}, always for {@link Store#DYNAMODB_LOCAL})
 * @param bus the cluster bus: {@code --bus}, else {@value ClusterBusChoice#ENV_BUS}, else the
 *     store's default (postgres on PostgreSQL, none elsewhere)
 */
record SampleConfig(
    FargateServerConfig server,
    JwtSettings jwt,
    boolean developmentSecret,
    Store store,
    PostgresConfig postgres,
    DynamoDbConfig dynamoDb,
    boolean createTable,
    ClusterBusChoice bus) {

  /** The variable that selects the store when there is no {@code --store} flag. */
  static final String ENV_STORE = FargateSettings.ENV_STORE;

  /** {@code true} creates the DynamoDB table at start if it is missing (development). */
  static final String ENV_DYNAMODB_CREATE_TABLE = FargateSettings.ENV_DYNAMODB_CREATE_TABLE;

  /** The table {@code --store=dynamodb-local} uses unless {@code CHAT_DYNAMODB_TABLE} names one. */
  static final String DYNAMODB_LOCAL_TABLE = "parley";

  /** The stores the sample can run on. */
  enum Store {
    MEMORY("memory"),
    POSTGRES("postgres"),
    DYNAMODB("dynamodb"),
    DYNAMODB_LOCAL("dynamodb-local");

    private final String flag;

    Store(String flag) {
      this.flag = flag;
    }

    /** The name on the command line and in {@value #ENV_STORE}. */
    String flag() {
      return flag;
    }

    /**
     * @param source where the value came from, for the error message
     * @throws IllegalArgumentException naming the accepted values
     */
    static Store parse(String value, String source) {
      String name = value.strip().toLowerCase(Locale.ROOT);
      for (Store store : values()) {
        if (store.flag.equals(name)) {
          return store;
        }
      }
      throw new IllegalArgumentException(
          source + " must be one of " + names() + ", was: '" + value + "'");
    }

    static String names() {
      return Arrays.stream(values()).map(Store::flag).collect(Collectors.joining("|"));
    }

    /** The store deploy-fargate runs: DynamoDB Local is DynamoDB at another endpoint. */
    FargateSettings.Store deployed() {
      return switch (this) {
        case MEMORY -> FargateSettings.Store.MEMORY;
        case POSTGRES -> FargateSettings.Store.POSTGRES;
        case DYNAMODB, DYNAMODB_LOCAL -> FargateSettings.Store.DYNAMODB;
      };
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
    Objects.requireNonNull(bus, "bus");
    if ((store == Store.POSTGRES) != (postgres != null)) {
      throw new IllegalArgumentException("a PostgreSQL configuration goes with --store=postgres");
    }
    boolean onDynamoDb = store == Store.DYNAMODB || store == Store.DYNAMODB_LOCAL;
    if (onDynamoDb != (dynamoDb != null)) {
      throw new IllegalArgumentException("a DynamoDB configuration goes with --store=dynamodb");
    }
    if (store == Store.DYNAMODB_LOCAL && (dynamoDb.endpoint() != null || !createTable)) {
      throw new IllegalArgumentException("--store=dynamodb-local starts its own emulator");
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
    return fromEnvironment(env, storeFlag, null);
  }

  /**
   * Reads the whole configuration, with the store and the bus named on the command line ({@code
   * --store}, {@code --bus}) if any: they win over {@value #ENV_STORE} and {@value
   * ClusterBusChoice#ENV_BUS}.
   *
   * @param storeFlag the value of {@code --store}, or null
   * @param busFlag the value of {@code --bus}, or null
   * @throws IllegalArgumentException with a one-line message naming the variable at fault
   */
  static SampleConfig fromEnvironment(Map<String, String> env, String storeFlag, String busFlag) {
    Store store = store(env, storeFlag);
    ClusterBusChoice bus =
        busFlag != null
            ? ClusterBusChoice.of(busFlag, "--bus", store.deployed(), env)
            : ClusterBusChoice.fromEnvironment(env, store.deployed());
    FargateServerConfig server = FargateServerConfig.fromEnvironment(env);
    PostgresConfig postgres = store == Store.POSTGRES ? PostgresConfig.fromEnvironment(env) : null;
    DynamoDbConfig dynamoDb =
        switch (store) {
          case DYNAMODB -> DynamoDbConfig.fromEnvironment(env);
          case DYNAMODB_LOCAL -> dynamoDbLocal(env);
          case MEMORY, POSTGRES -> null;
        };
    boolean createTable =
        store == Store.DYNAMODB_LOCAL
            || store == Store.DYNAMODB && FargateSettings.createTable(env);
    return new SampleConfig(
        server,
        jwtSettings(env),
        usesDevelopmentSecret(env),
        store,
        postgres,
        dynamoDb,
        createTable,
        bus);
  }

  /**
   * The store alone: {@code --store}, else {@value #ENV_STORE}, else memory. Lets a runtime refuse
   * a store it has no component for before the store's own settings are read.
   *
   * @param storeFlag the value of {@code --store}, or null
   * @throws IllegalArgumentException naming the accepted values
   */
  static Store store(Map<String, String> env, String storeFlag) {
    if (storeFlag != null) {
      return Store.parse(storeFlag, "--store");
    }
    if (!isBlank(env.get(ENV_STORE))) {
      return Store.parse(env.get(ENV_STORE), ENV_STORE);
    }
    return Store.MEMORY;
  }

  /** The emulator's table: {@code CHAT_DYNAMODB_TABLE} or {@value #DYNAMODB_LOCAL_TABLE}. */
  private static DynamoDbConfig dynamoDbLocal(Map<String, String> env) {
    if (!isBlank(env.get(DynamoDbConfig.ENDPOINT_VARIABLE))) {
      throw new IllegalArgumentException(
          DynamoDbConfig.ENDPOINT_VARIABLE
              + " is set, but --store=dynamodb-local starts an emulator of its own: unset it, or"
              + " use --store=dynamodb to run on that endpoint");
    }
    String table = env.get(DynamoDbConfig.TABLE_VARIABLE);
    String region = env.get(DynamoDbConfig.REGION_VARIABLE);
    return DynamoDbConfig.of(
        isBlank(table) ? DYNAMODB_LOCAL_TABLE : table.strip(),
        isBlank(region) ? DynamoDbConfig.DEFAULT_REGION : region.strip(),
        null);
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

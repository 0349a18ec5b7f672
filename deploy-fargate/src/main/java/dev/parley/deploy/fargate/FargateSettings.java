package dev.parley.deploy.fargate;

import dev.parley.adapter.dynamodb.DynamoDbConfig;
import dev.parley.adapter.fargate.FargateServerConfig;
import dev.parley.adapter.postgres.PostgresConfig;
import dev.parley.protocol.auth.JwtSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A Fargate task's configuration, read from its environment: where to listen ({@link
 * FargateServerConfig#fromEnvironment}), how to verify tokens ({@link JwtSettings#fromEnvironment}:
 * required, there is no development fallback here), and the store ({@value #ENV_STORE}) with its
 * settings.
 *
 * @param postgres how to reach PostgreSQL; null unless the store is {@link Store#POSTGRES}
 * @param postgresStartTimeout how long a starting task waits for PostgreSQL to be reachable ({@code
 *     CHAT_POSTGRES_START_TIMEOUT} seconds, 60 when unset); never null
 * @param dynamoDb the DynamoDB table; null unless the store is {@link Store#DYNAMODB}
 * @param createTable whether the table is created at start ({@value #ENV_DYNAMODB_CREATE_TABLE})
 * @param bus the cluster bus ({@link ClusterBusChoice#fromEnvironment}); never null
 */
public record FargateSettings(
    FargateServerConfig server,
    JwtSettings jwt,
    Store store,
    PostgresConfig postgres,
    Duration postgresStartTimeout,
    DynamoDbConfig dynamoDb,
    boolean createTable,
    ClusterBusChoice bus) {

  /** The variable that selects the store: memory (default), postgres or dynamodb. */
  public static final String ENV_STORE = "CHAT_STORE";

  /** {@code true} creates the DynamoDB table at start if it is missing (development). */
  public static final String ENV_DYNAMODB_CREATE_TABLE = "CHAT_DYNAMODB_CREATE_TABLE";

  /** The stores a Fargate task runs on. */
  public enum Store {
    MEMORY,
    POSTGRES,
    DYNAMODB;

    /** The name in {@value #ENV_STORE}. */
    public String flag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public FargateSettings {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(jwt, "jwt");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(postgresStartTimeout, "postgresStartTimeout");
    Objects.requireNonNull(bus, "bus");
    if ((store == Store.POSTGRES) != (postgres != null)) {
      throw new IllegalArgumentException("a PostgreSQL configuration goes with the postgres store");
    }
    if ((store == Store.DYNAMODB) != (dynamoDb != null)) {
      throw new IllegalArgumentException("a DynamoDB configuration goes with the dynamodb store");
    }
    if (bus.kind() == ClusterBusChoice.Kind.POSTGRES && store != Store.POSTGRES) {
      throw new IllegalArgumentException("the postgres bus goes with the postgres store");
    }
    if (bus.kind() == ClusterBusChoice.Kind.REDIS && store == Store.MEMORY) {
      throw new IllegalArgumentException("the memory store lives in one process: no bus");
    }
  }

  /**
   * Reads the whole configuration.
   *
   * @throws IllegalArgumentException with a one-line message naming the variable at fault
   */
  public static FargateSettings fromEnvironment(Map<String, String> env) {
    Store store = store(env.get(ENV_STORE));
    return new FargateSettings(
        FargateServerConfig.fromEnvironment(env),
        JwtSettings.fromEnvironment(env),
        store,
        store == Store.POSTGRES ? PostgresConfig.fromEnvironment(env) : null,
        PostgresStartup.timeout(env),
        store == Store.DYNAMODB ? DynamoDbConfig.fromEnvironment(env) : null,
        store == Store.DYNAMODB && createTable(env),
        ClusterBusChoice.fromEnvironment(env, store));
  }

  private static Store store(String value) {
    if (value == null || value.isBlank()) {
      return Store.MEMORY;
    }
    String name = value.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(Store.values())
        .filter(store -> store.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    ENV_STORE
                        + " must be one of "
                        + Arrays.stream(Store.values())
                            .map(Store::flag)
                            .collect(Collectors.joining("|"))
                        + ", was: '"
                        + value
                        + "'"));
  }

  /**
   * {@value #ENV_DYNAMODB_CREATE_TABLE}: unset or blank is false.
   *
   * @throws IllegalArgumentException unless true or false
   */
  public static boolean createTable(Map<String, String> env) {
    String value = env.get(ENV_DYNAMODB_CREATE_TABLE);
    if (value == null || value.isBlank()) {
      return false;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(
              ENV_DYNAMODB_CREATE_TABLE + " must be true or false, was '" + value + "'");
    };
  }
}

package dev.parley.sample;

import dev.parley.adapter.lambda.LambdaConfig;
import dev.parley.adapter.lambda.LambdaRuntime;
import dev.parley.deploy.lambda.DynamoDbLambda;
import dev.parley.deploy.lambda.LambdaDynamoDbComponent;
import dev.parley.deploy.lambda.LambdaInMemoryComponent;
import dev.parley.deploy.lambda.LambdaPostgresComponent;
import dev.parley.deploy.lambda.PostgresLambda;
import dev.parley.local.apigateway.LambdaLocal;
import dev.parley.protocol.auth.JwtSettings;
import java.util.Objects;
import org.slf4j.LoggerFactory;

/**
 * One running {@code --runtime=lambda-local} stack: the API Gateway emulator in front of the
 * handlers of the selected store's Lambda component, the name of the store for the banner, and what
 * to release after the emulator has stopped. The Lambda counterpart of {@code FargateDeployment}:
 * on {@code memory}, {@link LambdaInMemoryComponent}; on {@code dynamodb} and {@code
 * dynamodb-local}, {@link LambdaDynamoDbComponent} on the table {@link SampleTable} made ready,
 * which is what AWS runs ({@link DynamoDbLambda}); on {@code postgres}, {@link
 * LambdaPostgresComponent} ({@link PostgresLambda} in AWS) after the schema migrations, which on
 * AWS are a deployment step.
 */
record LambdaLocalDeployment(LambdaLocal<?> local, String storeName, AutoCloseable resources)
    implements AutoCloseable {
  LambdaLocalDeployment {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(storeName, "storeName");
    Objects.requireNonNull(resources, "resources");
  }

  /** As {@link #start(SampleConfig, int)} with the default fan-out threshold. */
  static LambdaLocalDeployment start(SampleConfig config) throws Exception {
    return start(config, LambdaConfig.FanOut.DEFAULT_THRESHOLD);
  }

  /**
   * Opens the store (for DynamoDB Local: starts it and creates the table), then starts the emulator
   * on the configured host and port with the handlers in front of the store's component.
   *
   * @param fanOutThreshold events for more recipients go to the fan-out function ({@code
   *     CHAT_FANOUT_THRESHOLD})
   * @throws RuntimeException when the store cannot be opened (as {@link SampleTable#open})
   * @throws Exception when the emulator cannot listen (the port is taken, for example)
   */
  static LambdaLocalDeployment start(SampleConfig config, int fanOutThreshold) throws Exception {
    LambdaLocalDeployment deployment = open(config, fanOutThreshold);
    // CHAT_CORS_ALLOWED_ORIGINS, the AllowedOrigins parameter of the SAM templates.
    deployment.local().emulator().cors(config.server().cors());
    // API Gateway's JWT authorizer checks tokens against an issuer's keys (JWKS) only: with
    // CHAT_JWT_JWKS_URL the routes need their scopes, as the templates deploy them; with a shared
    // development secret there is no gateway authorizer and the functions verify tokens.
    if (config.jwt().keys() instanceof JwtSettings.JwkSetUrl) {
      LambdaRuntime runtime = deployment.local().runtime();
      deployment.local().emulator().authorizeRoutes(runtime.restApi().routes(), runtime.identity());
    }
    return deployment;
  }

  private static LambdaLocalDeployment open(SampleConfig config, int fanOutThreshold)
      throws Exception {
    String host = config.server().host();
    int port = config.server().port();
    return switch (config.store()) {
      case MEMORY ->
          new LambdaLocalDeployment(
              LambdaLocal.start(
                  host,
                  port,
                  fanOutThreshold,
                  lambda -> LambdaInMemoryComponent.create(lambda, config.jwt())),
              "in-memory store",
              () -> {});
      case DYNAMODB, DYNAMODB_LOCAL -> dynamoDb(config, fanOutThreshold, SampleTable.open(config));
      case POSTGRES -> postgres(config, fanOutThreshold);
    };
  }

  /**
   * Migrates first, with the code of the migration function ({@code PostgresLambda$Migrate}), as a
   * deployment does before the request functions serve: the component never migrates.
   */
  private static LambdaLocalDeployment postgres(SampleConfig config, int fanOutThreshold)
      throws Exception {
    int applied = PostgresLambda.Migrate.migrate(config.postgres());
    LoggerFactory.getLogger(LambdaLocalDeployment.class)
        .info("{} schema migrations applied before the functions start", applied);
    LambdaLocal<LambdaPostgresComponent> local =
        LambdaLocal.start(
            config.server().host(),
            config.server().port(),
            fanOutThreshold,
            lambda -> LambdaPostgresComponent.create(lambda, config.jwt(), config.postgres()));
    return new LambdaLocalDeployment(
        local, "PostgreSQL store", () -> local.runtime().dataSource().close());
  }

  private static LambdaLocalDeployment dynamoDb(
      SampleConfig config, int fanOutThreshold, SampleTable table) throws Exception {
    try {
      LambdaLocal<LambdaDynamoDbComponent> local =
          LambdaLocal.start(
              config.server().host(),
              config.server().port(),
              fanOutThreshold,
              lambda -> LambdaDynamoDbComponent.create(lambda, config.jwt(), table.config()));
      return new LambdaLocalDeployment(
          local,
          table.description(),
          () -> {
            try {
              local.runtime().client().close();
            } finally {
              table.close();
            }
          });
    } catch (Exception e) {
      table.close();
      throw e;
    }
  }

  /**
   * Stops the emulator first, so that a handler still running while it stops (a {@code
   * $disconnect}, say) has its store, then releases the store: the client, then DynamoDB Local if
   * this started it.
   */
  @Override
  public void close() {
    local.close();
    try {
      resources.close();
    } catch (Exception e) {
      LoggerFactory.getLogger(LambdaLocalDeployment.class)
          .warn("releasing the store failed: {}", e.getMessage());
    }
  }
}

package dev.parley.sample;

import dev.parley.adapter.dynamodb.DynamoDbConfig;
import dev.parley.adapter.dynamodb.DynamoDbLocalServer;
import dev.parley.adapter.dynamodb.DynamoDbTables;
import dev.parley.adapter.fargate.ChatServer;
import dev.parley.application.config.ChatSettings;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * One running deployment of the sample: its server, the name of its store for the banner, and what
 * to release after the server has stopped. Built by {@link #of(SampleConfig)} from the store the
 * configuration selects; one case per store (a new store adds a case and a component).
 */
record SampleDeployment(ChatServer server, String storeName, AutoCloseable resources) {
  SampleDeployment {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(storeName, "storeName");
    Objects.requireNonNull(resources, "resources");
  }

  /**
   * Builds the component of the selected store. For PostgreSQL this connects and applies the
   * migrations, so it fails (with the driver's exception) when the database cannot be reached. For
   * DynamoDB it creates the table when asked to, else checks that it exists; for DynamoDB Local it
   * first starts the emulator (resolving it with Maven on first use).
   */
  static SampleDeployment of(SampleConfig config) {
    return switch (config.store()) {
      case MEMORY ->
          new SampleDeployment(
              FargateInMemoryComponent.create(config.server(), config.jwt(), ChatSettings.DEFAULTS)
                  .server(),
              "in-memory store",
              () -> {});
      case POSTGRES -> postgres(config);
      case DYNAMODB ->
          dynamoDb(
              config,
              config.dynamoDb(),
              "DynamoDB store, table " + config.dynamoDb().table(),
              () -> {});
      case DYNAMODB_LOCAL -> dynamoDbLocal(config);
    };
  }

  private static SampleDeployment dynamoDbLocal(SampleConfig config) {
    DynamoDbLocalServer emulator = DynamoDbLocalRuntime.besideTheBuild().start();
    try {
      DynamoDbConfig local =
          DynamoDbConfig.of(
              config.dynamoDb().table(), config.dynamoDb().region(), emulator.endpoint());
      return dynamoDb(
          config,
          local,
          "DynamoDB Local at "
              + emulator.endpoint()
              + ", in memory, table "
              + local.table()
              + ", emulator pid "
              + emulator.pid(),
          emulator);
    } catch (RuntimeException e) {
      emulator.close();
      throw e;
    }
  }

  /**
   * @param afterClient released after the client, when the deployment stops (the emulator)
   */
  private static SampleDeployment dynamoDb(
      SampleConfig config, DynamoDbConfig dynamoDb, String storeName, AutoCloseable afterClient) {
    FargateDynamoDbComponent component =
        FargateDynamoDbComponent.create(
            config.server(), config.jwt(), ChatSettings.DEFAULTS, dynamoDb);
    DynamoDbClient client = component.client();
    try {
      if (config.createTable()) {
        DynamoDbTables.create(client, dynamoDb.table());
      } else {
        requireTable(client, dynamoDb);
      }
      return new SampleDeployment(
          component.server(),
          storeName,
          () -> {
            try {
              client.close();
            } finally {
              afterClient.close();
            }
          });
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /** Fails with a message saying what to do when the table is missing. */
  private static void requireTable(DynamoDbClient client, DynamoDbConfig dynamoDb) {
    try {
      client.describeTable(b -> b.tableName(dynamoDb.table()));
    } catch (ResourceNotFoundException e) {
      throw new IllegalStateException(
          "table '"
              + dynamoDb.table()
              + "' does not exist in "
              + (dynamoDb.endpoint() == null ? dynamoDb.region() : dynamoDb.endpoint())
              + ": create it with your infrastructure code (definition: DynamoDbTables), or set "
              + SampleConfig.ENV_DYNAMODB_CREATE_TABLE
              + "=true to create it at start (development)",
          e);
    }
  }

  private static SampleDeployment postgres(SampleConfig config) {
    FargatePostgresComponent component =
        FargatePostgresComponent.create(
            config.server(), config.jwt(), ChatSettings.DEFAULTS, config.postgres());
    try {
      // The data source first: it applies the migrations, and fails here when PostgreSQL is down.
      component.dataSource();
      ChatServer server = component.server();
      component.housekeeping().start();
      // Normally within milliseconds; if not, readiness says so until the listener is up.
      awaitListening(component);
      server.addReadinessCheck(component.eventBus()::isListening);
      return new SampleDeployment(
          server,
          "PostgreSQL store",
          () -> {
            component.housekeeping().close();
            component.eventBus().close();
            component.dataSource().close();
          });
    } catch (RuntimeException e) {
      component.housekeeping().close();
      component.eventBus().close();
      component.dataSource().close();
      throw e;
    }
  }

  private static void awaitListening(FargatePostgresComponent component) {
    try {
      component.eventBus().awaitListening(java.time.Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the server (draining), then releases the store's resources. */
  void stop() {
    server.stop();
    try {
      resources.close();
    } catch (Exception e) {
      org.slf4j.LoggerFactory.getLogger(SampleDeployment.class)
          .warn("releasing the store failed: {}", e.getMessage());
    }
  }
}

package dev.parley.sample;

import dev.parley.adapter.fargate.ChatServer;
import dev.parley.application.config.ChatSettings;
import dev.parley.deploy.fargate.FargateDynamoDbComponent;
import dev.parley.deploy.fargate.FargateInMemoryComponent;
import dev.parley.deploy.fargate.FargatePostgresComponent;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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
   * DynamoDB, {@link SampleTable} makes the table ready first (and starts DynamoDB Local for {@code
   * dynamodb-local}).
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
      case DYNAMODB, DYNAMODB_LOCAL -> dynamoDb(config, SampleTable.open(config));
    };
  }

  private static SampleDeployment dynamoDb(SampleConfig config, SampleTable table) {
    try {
      FargateDynamoDbComponent component =
          FargateDynamoDbComponent.create(
              config.server(), config.jwt(), ChatSettings.DEFAULTS, table.config());
      DynamoDbClient client = component.client();
      return new SampleDeployment(
          component.server(),
          table.description(),
          () -> {
            try {
              client.close();
            } finally {
              table.close();
            }
          });
    } catch (RuntimeException e) {
      table.close();
      throw e;
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

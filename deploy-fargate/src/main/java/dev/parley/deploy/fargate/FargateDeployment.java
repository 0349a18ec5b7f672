package dev.parley.deploy.fargate;

import dev.parley.adapter.dynamodb.DynamoDbConfig;
import dev.parley.adapter.fargate.ChatServer;
import dev.parley.adapter.fargate.FargateServerConfig;
import dev.parley.adapter.postgres.PostgresConfig;
import dev.parley.application.config.ChatSettings;
import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.bus.postgres.PostgresClusterBus;
import dev.parley.bus.redis.RedisClusterBus;
import dev.parley.protocol.auth.JwtSettings;
import dev.parley.protocol.cluster.ClusterBus;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One Fargate deployment, built: its server, its store's connection registry (for tools and tests
 * that look at which clients the store knows), the name of its store for logs and banners, which
 * cluster bus it runs, and what to release after the server has stopped. One factory per store,
 * each building that store's component; {@link #start()} starts the server and arranges the
 * graceful stop on SIGTERM, {@link #awaitStop()} blocks until the server has stopped.
 */
public record FargateDeployment(
    ChatServer server,
    ConnectionRegistryPort connections,
    String storeName,
    String busName,
    AutoCloseable resources) {
  private static final Logger LOG = LoggerFactory.getLogger(FargateDeployment.class);

  public FargateDeployment {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(connections, "connections");
    Objects.requireNonNull(storeName, "storeName");
    Objects.requireNonNull(busName, "busName");
    Objects.requireNonNull(resources, "resources");
  }

  /** The deployment the settings select; for DynamoDB, the table is made ready first. */
  public static FargateDeployment of(FargateSettings settings) {
    return switch (settings.store()) {
      case MEMORY -> inMemory(settings.server(), settings.jwt(), ChatSettings.DEFAULTS);
      case POSTGRES ->
          onPostgres(
              settings.server(),
              settings.jwt(),
              ChatSettings.DEFAULTS,
              settings.postgres(),
              settings.postgresStartTimeout(),
              settings.bus());
      case DYNAMODB ->
          onDynamoDb(
              settings.server(),
              settings.jwt(),
              ChatSettings.DEFAULTS,
              DynamoDbTable.ready(settings.dynamoDb(), settings.createTable()),
              "DynamoDB store, table " + settings.dynamoDb().table(),
              () -> {},
              settings.bus());
    };
  }

  /** On the embedded in-memory store: data lives as long as the process. */
  public static FargateDeployment inMemory(
      FargateServerConfig server, JwtSettings jwt, ChatSettings chat) {
    FargateInMemoryComponent component = FargateInMemoryComponent.create(server, jwt, chat);
    return new FargateDeployment(
        component.server(),
        component.connections(),
        "in-memory store",
        ClusterBusChoice.NONE.describe(),
        () -> {});
  }

  /**
   * As {@link #onPostgres(FargateServerConfig, JwtSettings, ChatSettings, PostgresConfig,
   * Duration)}, waiting for the database at most {@link PostgresStartup#DEFAULT_TIMEOUT}.
   */
  public static FargateDeployment onPostgres(
      FargateServerConfig server, JwtSettings jwt, ChatSettings chat, PostgresConfig postgres) {
    return onPostgres(server, jwt, chat, postgres, PostgresStartup.DEFAULT_TIMEOUT);
  }

  /**
   * On PostgreSQL with the chosen bus, waiting for the database at most {@link
   * PostgresStartup#DEFAULT_TIMEOUT}.
   */
  public static FargateDeployment onPostgres(
      FargateServerConfig server,
      JwtSettings jwt,
      ChatSettings chat,
      PostgresConfig postgres,
      ClusterBusChoice bus) {
    return onPostgres(server, jwt, chat, postgres, PostgresStartup.DEFAULT_TIMEOUT, bus);
  }

  /** On PostgreSQL with its LISTEN/NOTIFY bus: see the overload with a {@link ClusterBusChoice}. */
  public static FargateDeployment onPostgres(
      FargateServerConfig server,
      JwtSettings jwt,
      ChatSettings chat,
      PostgresConfig postgres,
      Duration startTimeout) {
    return onPostgres(server, jwt, chat, postgres, startTimeout, ClusterBusChoice.POSTGRES);
  }

  /**
   * On PostgreSQL, with the chosen cross-node event bus and the housekeeping. Connects and applies
   * the migrations here; while the database cannot be reached, tries again (logging each retry) for
   * at most {@code startTimeout}, then fails with the driver's exception.
   */
  public static FargateDeployment onPostgres(
      FargateServerConfig server,
      JwtSettings jwt,
      ChatSettings chat,
      PostgresConfig postgres,
      Duration startTimeout,
      ClusterBusChoice bus) {
    FargatePostgresComponent component =
        FargatePostgresComponent.create(server, jwt, chat, postgres, bus);
    AutoCloseable release =
        () -> {
          component.housekeeping().close();
          component.eventBus().close();
          component.dataSource().close();
        };
    // The data source first: it applies the migrations, and fails here when PostgreSQL is down.
    // A failed attempt leaves nothing behind in the component, so it can simply be asked again,
    // and there is nothing to release when the last one fails (releasing would ask once more).
    PostgresStartup.await(component::dataSource, startTimeout);
    try {
      ChatServer chatServer = component.server();
      component.housekeeping().start();
      awaitListening(component.eventBus());
      if (component.eventBus() instanceof PostgresClusterBus listener) {
        // Its listener is on the store's own database: not listening means the store is in trouble.
        chatServer.addReadinessCheck(listener::isListening);
      }
      return new FargateDeployment(
          chatServer, component.connections(), "PostgreSQL store", bus.describe(), release);
    } catch (RuntimeException e) {
      closeQuietly(release);
      throw e;
    }
  }

  /** A single node on a DynamoDB table: see the overload with a {@link ClusterBusChoice}. */
  public static FargateDeployment onDynamoDb(
      FargateServerConfig server,
      JwtSettings jwt,
      ChatSettings chat,
      DynamoDbConfig table,
      String storeName,
      AutoCloseable alsoRelease) {
    return onDynamoDb(server, jwt, chat, table, storeName, alsoRelease, ClusterBusChoice.NONE);
  }

  /**
   * On a DynamoDB table made ready beforehand ({@link DynamoDbTable#ready}), as a single node or
   * with the Redis bus.
   *
   * @param alsoRelease closed after the client, for what the caller set up for the table (a local
   *     emulator); closed at once if the deployment cannot be built
   */
  public static FargateDeployment onDynamoDb(
      FargateServerConfig server,
      JwtSettings jwt,
      ChatSettings chat,
      DynamoDbConfig table,
      String storeName,
      AutoCloseable alsoRelease,
      ClusterBusChoice bus) {
    try {
      FargateDynamoDbComponent component =
          FargateDynamoDbComponent.create(server, jwt, chat, table, bus);
      DynamoDbClient client = component.client();
      ChatServer chatServer = component.server();
      ClusterBus eventBus = component.eventBus();
      awaitListening(eventBus);
      return new FargateDeployment(
          chatServer,
          component.connections(),
          storeName,
          bus.describe(),
          () -> {
            try {
              eventBus.close();
              client.close();
            } finally {
              alsoRelease.close();
            }
          });
    } catch (RuntimeException e) {
      closeQuietly(alsoRelease);
      throw e;
    }
  }

  /**
   * Starts the server and registers the graceful stop for SIGTERM and Ctrl-C (a JVM shutdown hook
   * that drains, then releases the store).
   *
   * @throws Exception when the server cannot start (the port is taken, say); the store is released
   */
  public void start() throws Exception {
    try {
      server.start();
    } catch (Exception e) {
      stop();
      throw e;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("shutdown requested; draining in-flight requests");
                  stop();
                  LOG.info("Parley stopped");
                },
                "parley-shutdown"));
    LOG.info("Parley started on {} ({}; {})", server.httpUri(), storeName, busName);
  }

  /** Blocks until the server has stopped (after SIGTERM, normally). */
  public void awaitStop() {
    try {
      server.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the server (draining), then releases the store's resources. */
  public void stop() {
    server.stop();
    closeQuietly(resources);
  }

  /**
   * Normally within milliseconds. If not, the node serves anyway: a PostgreSQL bus reports it
   * through readiness, a Redis bus keeps connecting in the background and this node's clients catch
   * up by resuming.
   */
  private static void awaitListening(ClusterBus bus) {
    try {
      boolean up =
          switch (bus) {
            case PostgresClusterBus postgres -> postgres.awaitListening(Duration.ofSeconds(5));
            case RedisClusterBus redis -> redis.awaitSubscribed(Duration.ofSeconds(5));
            default -> true;
          };
      if (!up) {
        LOG.warn("the cluster bus is not connected yet; events from other nodes wait for it");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(AutoCloseable resources) {
    try {
      resources.close();
    } catch (Exception e) {
      LOG.warn("releasing the store failed: {}", e.getMessage());
    }
  }
}

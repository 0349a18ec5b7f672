package dev.parley.deploy.fargate;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import dev.parley.adapter.dynamodb.DynamoDbConfig;
import dev.parley.adapter.dynamodb.DynamoDbStoreModule;
import dev.parley.adapter.fargate.ChatServer;
import dev.parley.adapter.fargate.FargateModule;
import dev.parley.adapter.fargate.FargateServerConfig;
import dev.parley.application.config.ChatSettings;
import dev.parley.application.port.in.ListHistoryUseCase;
import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.protocol.auth.JwtSettings;
import dev.parley.protocol.cluster.ClusterBus;
import dev.parley.runtime.CoreModule;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The "Fargate on DynamoDB" deployment: the Jetty server of adapter-fargate in front of every use
 * case, on the single DynamoDB table of adapter-dynamodb ({@link DynamoDbConfig}, usually from
 * {@link DynamoDbConfig#fromEnvironment}). DynamoDB has no bus of its own: with {@link
 * ClusterBusChoice#NONE} events reach this node's WebSockets only (one node per table); with the
 * Redis bus, several nodes share the table and reach each other's sockets. Expired connections,
 * typing notices and rate-limit windows need no housekeeping: DynamoDB's TTL deletes them and the
 * adapters filter what it has not deleted yet. The owner stops the server, then closes the {@link
 * #eventBus()} and the {@link #client()} ({@link FargateDeployment} does).
 */
@Singleton
@Component(
    modules = {
      FargateDynamoDbComponent.BusModule.class,
      CoreModule.class,
      DynamoDbStoreModule.class,
      FargateModule.class,
      PooledDynamoDbHttpModule.class
    })
public interface FargateDynamoDbComponent {

  /** A single node for this configuration; nothing connects until a call needs the table. */
  static FargateDynamoDbComponent create(
      FargateServerConfig server, JwtSettings jwt, ChatSettings chat, DynamoDbConfig dynamoDb) {
    return create(server, jwt, chat, dynamoDb, ClusterBusChoice.NONE);
  }

  /** A component for this configuration and bus ({@link ClusterBusChoice.Kind#NONE} or REDIS). */
  static FargateDynamoDbComponent create(
      FargateServerConfig server,
      JwtSettings jwt,
      ChatSettings chat,
      DynamoDbConfig dynamoDb,
      ClusterBusChoice bus) {
    return DaggerFargateDynamoDbComponent.factory().create(server, jwt, chat, dynamoDb, bus);
  }

  /** The server; the same instance on every call. */
  ChatServer server();

  /** The store's connection registry. */
  ConnectionRegistryPort connections();

  /** Reads history without going through HTTP (operational checks, tests). */
  ListHistoryUseCase listHistory();

  /** The table's configuration, as bound. */
  DynamoDbConfig config();

  /** The one client of the deployment; closed after the server has stopped. */
  DynamoDbClient client();

  /** The cross-node bus ({@link ClusterBus#NONE} on a single node); closed before the client. */
  ClusterBus eventBus();

  /** The pooled HTTP client under {@link #client()}, closed with it. */
  SdkHttpClient dynamoDbHttp();

  /** Builds the component from the deployment's configuration values. */
  @Component.Factory
  interface Factory {
    FargateDynamoDbComponent create(
        @BindsInstance FargateServerConfig server,
        @BindsInstance JwtSettings jwt,
        @BindsInstance ChatSettings chat,
        @BindsInstance DynamoDbConfig dynamoDb,
        @BindsInstance ClusterBusChoice bus);
  }

  /**
   * The bus comes from the choice made at start rather than from one component per (store, bus):
   * the components would differ in this one binding only.
   */
  @Module
  abstract class BusModule {
    private BusModule() {}

    @Provides
    @Singleton
    static ClusterBus clusterBus(ClusterBusChoice choice) {
      return choice.redisOrNone();
    }
  }
}

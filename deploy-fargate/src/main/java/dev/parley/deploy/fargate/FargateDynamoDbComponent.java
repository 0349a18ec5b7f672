package dev.parley.deploy.fargate;

import dagger.BindsInstance;
import dagger.Component;
import dev.parley.adapter.dynamodb.DynamoDbConfig;
import dev.parley.adapter.dynamodb.DynamoDbStoreModule;
import dev.parley.adapter.fargate.ChatServer;
import dev.parley.adapter.fargate.FargateModule;
import dev.parley.adapter.fargate.FargateServerConfig;
import dev.parley.application.config.ChatSettings;
import dev.parley.application.port.in.ListHistoryUseCase;
import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.protocol.auth.JwtSettings;
import dev.parley.runtime.CoreModule;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The "Fargate on DynamoDB" deployment: the Jetty server of adapter-fargate in front of every use
 * case, on the single DynamoDB table of adapter-dynamodb ({@link DynamoDbConfig}, usually from
 * {@link DynamoDbConfig#fromEnvironment}). Events reach this node's WebSockets only (DynamoDB has
 * no cross-node event bus here). Expired connections, typing notices and rate-limit windows need no
 * housekeeping: DynamoDB's TTL deletes them and the adapters filter what it has not deleted yet.
 * The owner stops the server, then closes the {@link #client()} (see {@code
 * dev.parley.sample.SampleDeployment}).
 */
@Singleton
@Component(modules = {CoreModule.class, DynamoDbStoreModule.class, FargateModule.class})
public interface FargateDynamoDbComponent {

  /** A component for this configuration; nothing connects until a call needs the table. */
  static FargateDynamoDbComponent create(
      FargateServerConfig server, JwtSettings jwt, ChatSettings chat, DynamoDbConfig dynamoDb) {
    return DaggerFargateDynamoDbComponent.factory().create(server, jwt, chat, dynamoDb);
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

  /** Builds the component from the deployment's configuration values. */
  @Component.Factory
  interface Factory {
    FargateDynamoDbComponent create(
        @BindsInstance FargateServerConfig server,
        @BindsInstance JwtSettings jwt,
        @BindsInstance ChatSettings chat,
        @BindsInstance DynamoDbConfig dynamoDb);
  }
}

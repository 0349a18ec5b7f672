package dev.parley.deploy.fargate;

import dagger.BindsInstance;
import dagger.Component;
import dev.parley.adapter.fargate.ChatServer;
import dev.parley.adapter.fargate.FargateModule;
import dev.parley.adapter.fargate.FargateServerConfig;
import dev.parley.adapter.inmemory.InMemoryStoreModule;
import dev.parley.application.config.ChatSettings;
import dev.parley.application.port.in.ListHistoryUseCase;
import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.protocol.auth.JwtSettings;
import dev.parley.runtime.CoreModule;
import jakarta.inject.Singleton;

/**
 * The "Fargate with an embedded in-memory store" deployment: the Jetty server of adapter-fargate in
 * front of every use case, on the in-memory adapters of chat-testkit. Data lives as long as the
 * process. Build it once per process (Main does) and start its {@link #server()}.
 */
@Singleton
@Component(modules = {CoreModule.class, FargateModule.class, InMemoryStoreModule.class})
public interface FargateInMemoryComponent {

  /** A component for this configuration; nothing listens until {@code server().start()}. */
  static FargateInMemoryComponent create(
      FargateServerConfig server, JwtSettings jwt, ChatSettings chat) {
    return DaggerFargateInMemoryComponent.factory().create(server, jwt, chat);
  }

  /** The server; the same instance on every call. */
  ChatServer server();

  /**
   * Reads history without going through HTTP, for operational checks (and tests that verify what
   * was stored while the server is stopped).
   */
  ListHistoryUseCase listHistory();

  /** The registry of live connections, for the same kind of checks (what the server forgot). */
  ConnectionRegistryPort connections();

  /** Builds the component from the deployment's configuration values. */
  @Component.Factory
  interface Factory {
    FargateInMemoryComponent create(
        @BindsInstance FargateServerConfig server,
        @BindsInstance JwtSettings jwt,
        @BindsInstance ChatSettings chat);
  }
}

package dev.parley.benchmarks.load;

import dagger.BindsInstance;
import dagger.Component;
import dev.parley.adapter.fargate.ChatServer;
import dev.parley.adapter.fargate.FargateModule;
import dev.parley.adapter.fargate.FargateServerConfig;
import dev.parley.adapter.fargate.JettyWebSocketDeliveryAdapter;
import dev.parley.adapter.inmemory.InMemoryStoreModule;
import dev.parley.runtime.CoreModule;
import jakarta.inject.Singleton;

/**
 * The Fargate node under load: the Jetty server of {@code adapter-fargate} in front of every use
 * case, on the in-memory store of {@code adapter-inmemory}, wired by Dagger the way a deployment
 * (and {@code adapter-fargate}'s test server) wires it.
 */
@Singleton
@Component(
    modules = {
      CoreModule.class,
      FargateModule.class,
      InMemoryStoreModule.class,
      LoadServerModule.class
    })
interface LoadServerComponent {
  ChatServer server();

  JettyWebSocketDeliveryAdapter delivery();

  static LoadServerComponent create(FargateServerConfig config) {
    return DaggerLoadServerComponent.factory().create(config);
  }

  /** Builds the component from the server's address and drain timeout. */
  @Component.Factory
  interface Factory {
    LoadServerComponent create(@BindsInstance FargateServerConfig config);
  }
}

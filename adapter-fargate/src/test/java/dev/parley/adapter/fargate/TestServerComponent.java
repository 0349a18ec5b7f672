package dev.parley.adapter.fargate;

import dagger.Component;
import dev.parley.application.service.UseCaseModule;
import dev.parley.testkit.InMemoryStoreModule;
import dev.parley.testkit.ValidationModule;
import dev.parley.testkit.adapter.InMemoryStoreHealthAdapter;
import jakarta.inject.Singleton;

/** A whole Fargate node on the in-memory store, wired the way a deployment wires it. */
@Singleton
@Component(
    modules = {
      FargateModule.class,
      InMemoryStoreModule.class,
      UseCaseModule.class,
      ValidationModule.class,
      TestServerModule.class
    })
interface TestServerComponent {
  ChatServer server();

  InMemoryStoreHealthAdapter storeHealth();

  JettyWebSocketDeliveryAdapter delivery();

  GatedClockAdapter clock();

  RecordingClusterBus cluster();

  static TestServerComponent create() {
    return DaggerTestServerComponent.create();
  }
}

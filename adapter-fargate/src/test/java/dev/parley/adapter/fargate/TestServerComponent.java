package dev.parley.adapter.fargate;

import dagger.BindsInstance;
import dagger.Component;
import dev.parley.adapter.inmemory.InMemoryStoreHealthAdapter;
import dev.parley.adapter.inmemory.InMemoryStoreModule;
import dev.parley.application.port.in.GetMessageUseCase;
import dev.parley.application.service.UseCaseModule;
import dev.parley.protocol.http.CorsPolicy;
import dev.parley.runtime.ValidationModule;
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

  GetMessageUseCase getMessage();

  static TestServerComponent create() {
    return create(CorsPolicy.SAME_ORIGIN_ONLY);
  }

  static TestServerComponent create(CorsPolicy cors) {
    return DaggerTestServerComponent.factory().create(cors);
  }

  @Component.Factory
  interface Factory {
    TestServerComponent create(@BindsInstance CorsPolicy cors);
  }
}

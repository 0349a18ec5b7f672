package dev.parley.testkit;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dev.parley.application.port.out.EventDeliveryPort;
import dev.parley.testkit.adapter.InMemoryEventDeliveryAdapter;
import jakarta.inject.Singleton;

/** Binds event delivery to the recording in-memory adapter, for tests. */
@Module
public abstract class InMemoryDeliveryModule {
  private InMemoryDeliveryModule() {}

  @Provides
  @Singleton
  static InMemoryEventDeliveryAdapter delivery() {
    return new InMemoryEventDeliveryAdapter();
  }

  @Binds
  abstract EventDeliveryPort eventDelivery(InMemoryEventDeliveryAdapter adapter);
}
